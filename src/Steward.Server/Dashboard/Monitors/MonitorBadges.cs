using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>Status badges of monitors and runs.</summary>
internal static class MonitorBadges
{
    public static Html Status(string status) => status switch
    {
        "drift" => Html.Of($"<span class=\"badge outcome-rejected\">drift</span>"),
        "no_drift" => Html.Of($"<span class=\"badge outcome-approved\">no drift</span>"),
        "insufficient_data" => Html.Of($"<span class=\"tag\">insufficient data</span>"),
        "no_reference" => Html.Of($"<span class=\"tag\">no reference</span>"),
        _ => Html.Of($"<span class=\"tag\">{status}</span>"),
    };

    public static string Share(double? share) => share is { } s ? s.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
