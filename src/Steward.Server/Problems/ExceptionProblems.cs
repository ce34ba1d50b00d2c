using Microsoft.AspNetCore.Http.HttpResults;

namespace Steward.Server.Problems;

/// <summary>An endpoint filter that answers exceptions an API knows with that API's problem document.</summary>
internal static class ExceptionProblems
{
    /// <summary>Exceptions <paramref name="map"/> turns into a problem are answered with it; others go on to the global handler.</summary>
    public static RouteGroupBuilder WithExceptionProblems(this RouteGroupBuilder group, Func<Exception, ProblemHttpResult?> map)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception e) when (map(e) is { } problem)
            {
                return problem;
            }
        });
        return group;
    }
}
