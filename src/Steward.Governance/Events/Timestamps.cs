using System.Globalization;

namespace Steward.Governance.Events;

/// <summary>The one textual form of time in storage and in ledger leaves: UTC, microseconds, <c>Z</c>.</summary>
public static class Timestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Formats a time as RFC 3339 UTC with microseconds (sorts lexicographically).</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Parses what <see cref="Format"/> wrote (and any RFC 3339 time).</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Truncates to the stored precision (microseconds), so values round-trip exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
