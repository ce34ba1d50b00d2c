using Steward.Governance.RedTeam;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.RedTeam;

/// <summary>The red-team page's filters from its query string; an unusable value becomes a message and is ignored.</summary>
internal sealed record RedTeamQuery(string? SystemId, string? Severity, string? Status, PageRequest Page, IReadOnlyList<string> Errors)
{
    public const string Path = "/ui/redteam";

    public bool IsFiltered => SystemId is not null || Severity is not null || Status is not null;

    public static RedTeamQuery From(HttpRequest request, int defaultLimit)
    {
        var page = PageRequest.From(request, defaultLimit);
        var errors = page.Errors.ToList();
        string? Pick(string name, string[] allowed, string label)
        {
            var value = request.Query[name].ToString();
            if (value.Length == 0) return null;
            if (allowed.Contains(value)) return value;
            errors.Add($"{label} must be one of {string.Join(", ", allowed)}; showing every {label.ToLowerInvariant()}.");
            return null;
        }
        var severity = Pick("severity", Finding.Severities, "Severity");
        var status = Pick("status", Finding.Statuses, "Status");
        var system = request.Query["system_id"].ToString().Trim();
        return new RedTeamQuery(system.Length == 0 ? null : system, severity, status, page, errors);
    }

    /// <summary>This page's URL with the same filters.</summary>
    public string Url(string? cursor = null) => UiUrl.With(Path, ("system_id", SystemId), ("severity", Severity), ("status", Status),
        ("cursor", cursor), ("limit", Page.LimitParameter(RedTeamEndpoints.DefaultLimit)));
}
