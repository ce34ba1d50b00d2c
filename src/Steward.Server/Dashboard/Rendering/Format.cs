using System.Globalization;

namespace Steward.Server.Dashboard.Rendering;

/// <summary>Small pieces of markup shared by the pages: times, badges, hashes.</summary>
internal static class Format
{
    /// <summary>A UTC time with seconds, machine-readable in <c>datetime</c>.</summary>
    public static Html Time(DateTimeOffset time) =>
        Html.Of($"<time datetime=\"{Iso(time)}\">{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>");

    /// <summary>A UTC date (tables), with the full time as a tooltip.</summary>
    public static Html Date(DateTimeOffset time) =>
        Html.Of($"<time datetime=\"{Iso(time)}\" title=\"{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC\">{time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</time>");

    /// <summary>RFC 3339 UTC, seconds precision.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>EU AI Act risk tier as a coloured badge (the text carries the meaning, colour only repeats it).</summary>
    public static Html RiskBadge(string tier) => Html.Of($"<span class=\"badge risk-{Token(tier)}\">{tier}</span>");

    /// <summary>Inventory status as a tag.</summary>
    public static Html StatusTag(string status) => Html.Of($"<span class=\"tag status-{Token(status)}\">{status}</span>");

    /// <summary>A decision outcome as a badge.</summary>
    public static Html OutcomeBadge(string outcome) => Html.Of($"<span class=\"badge outcome-{Token(outcome)}\">{outcome}</span>");

    /// <summary>The start of an identifier or hash, with the whole value as a tooltip.</summary>
    public static Html Short(string? value, int length = 12) => value is null
        ? Html.Of($"<span class=\"muted\">—</span>")
        : value.Length <= length
            ? Html.Of($"<code>{value}</code>")
            : Html.Of($"<code title=\"{value}\">{value[..length]}…</code>");

    /// <summary>A value or a dash.</summary>
    public static Html OrDash(string? value) =>
        string.IsNullOrEmpty(value) ? Html.Of($"<span class=\"muted\" aria-label=\"none\">—</span>") : Html.Text(value);

    /// <summary>Reduces a value to <c>[a-z0-9-]</c> for use in a class name.</summary>
    public static string Token(string value) =>
        new(value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>Shortens text to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
