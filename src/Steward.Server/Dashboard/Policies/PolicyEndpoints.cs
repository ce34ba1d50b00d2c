using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Paging;
using Steward.Governance.Policies;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;
using Steward.Server.Policies;

namespace Steward.Server.Dashboard.Policies;

/// <summary>
/// <c>/ui/policies</c>: the stored Rego modules with their version history, the result of their <c>test_</c> rules, and
/// the decision log (newest first, filterable by outcome and endpoint, paged by cursor).
/// </summary>
internal static class PolicyEndpoints
{
    public const string Path = "/ui/policies";
    public const int DefaultLimit = 25;

    public static void MapPolicyPages(this RouteGroupBuilder ui) =>
        ui.MapGet("/policies", Render).RequireAuthorization(AuthExtensions.Read);

    private static async Task<ContentHttpResult> Render(HttpContext context, PolicyService policies, PolicyModuleStore modules,
        DecisionLogStore log, TimeProvider time)
    {
        var ct = context.RequestAborted;
        var request = PageRequest.From(context.Request, DefaultLimit);
        var errors = request.Errors.ToList();
        var filter = DecisionFilter.From(context.Request, errors);

        var state = await policies.CurrentAsync(ct);
        var histories = new List<IReadOnlyList<PolicyModule>>();
        foreach (var module in state.Modules) histories.Add(await modules.VersionsAsync(module.Id, ct));
        var tests = PolicyTestRun.Run(state, time);

        Page<PolicyDecision>? decisions = null;
        try
        {
            decisions = await log.ListAsync(filter.Endpoint, filter.Allowed, null, request.Cursor, request.Limit, ct);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The page link is not valid ({m}). Start again from the newest decisions."));
        }
        var main = PolicyPage.Render(state, histories, tests, decisions, filter, request, errors);
        return DashboardResults.Page(context, "Policies", DashboardArea.Policies, main,
            decisions is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}

/// <summary>The decision filters of the page (<c>?outcome=denied&amp;endpoint=...</c>).</summary>
internal sealed record DecisionFilter(string? Endpoint, bool? Allowed)
{
    public static DecisionFilter From(HttpRequest request, List<string> errors)
    {
        var endpoint = request.Query["endpoint"].ToString();
        if (endpoint.Length > 256 || endpoint.Any(char.IsControl))
        {
            errors.Add("The endpoint filter must be at most 256 characters without control characters; showing all endpoints.");
            endpoint = "";
        }
        bool? allowed = request.Query["outcome"].ToString() switch
        {
            "" or "all" => null,
            "allowed" => true,
            "denied" => false,
            _ => Unknown(errors),
        };
        return new DecisionFilter(endpoint.Length == 0 ? null : endpoint, allowed);
    }

    public string Url(string? cursor = null, string? limit = null) => UiUrl.With(PolicyEndpoints.Path,
        ("outcome", Allowed switch { true => "allowed", false => "denied", null => null }), ("endpoint", Endpoint), ("cursor", cursor), ("limit", limit));

    private static bool? Unknown(List<string> errors)
    {
        errors.Add("The outcome filter must be all, allowed or denied; showing all decisions.");
        return null;
    }
}
