using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Steward.Governance.Errors;
using Steward.Governance.Lifecycle;
using Steward.Governance.Events;

namespace Steward.Server.Problems;

/// <summary>Every error is an RFC 7807 problem document.</summary>
internal static class ProblemExtensions
{
    public static void AddStewardProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);
        builder.Services.AddExceptionHandler<GovernanceExceptionHandler>();
        builder.Services.Configure<JsonOptions>(o => CopyJson(o.SerializerOptions));
    }

    public static void UseStewardProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    private static void CopyJson(JsonSerializerOptions target)
    {
        var source = GovernanceJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        target.UnmappedMemberHandling = source.UnmappedMemberHandling;
        foreach (var converter in source.Converters) target.Converters.Add(converter);
    }
}

/// <summary>Maps domain errors, bad JSON and oversized bodies to problem details.</summary>
internal sealed partial class GovernanceExceptionHandler(IProblemDetailsService problems, ILogger<GovernanceExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationFailedException v => (400, v.Title, "The request is invalid; see errors.", v.Errors),
            NotFoundException n => (404, n.Title, n.Message, null),
            ConflictException c => (409, c.Title, c.Message, null),
            ForbiddenException f => (403, f.Title, f.Message, null),
            GateRefusedException g => (409, g.Title, $"The gate to {g.Result.To} refused the change: {g.Result.Unmet.Count} requirement(s) unmet; see unmet.", null),
            BadHttpRequestException { StatusCode: 413 } => (413, "Request body too large", "The request body exceeds the configured limit (Server:MaxRequestBodyBytes).", null),
            BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message, null),
            _ => (500, "Internal error", "An unexpected error occurred; it was logged.", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 500) LogUnexpected(logger, exception, httpContext.Request.Path);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) problem.Extensions["errors"] = errors;
        if (exception is GateRefusedException refused)
        {
            problem.Extensions["allowed"] = false;
            problem.Extensions["unmet"] = refused.Result.Unmet;
            problem.Extensions["from"] = refused.Result.From;
            problem.Extensions["to"] = refused.Result.To;
            problem.Extensions["policy_revision"] = refused.Result.PolicyRevision;
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string path);
}
