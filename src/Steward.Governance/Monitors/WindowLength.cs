using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Steward.Governance.Monitors;

/// <summary>
/// A monitor's window length: an ISO 8601 duration of weeks, days, hours, minutes and seconds (<c>P1D</c>,
/// <c>PT6H</c>, <c>P1W</c>, <c>P1DT12H</c>) or a whole number of seconds; between one minute and 366 days. Years
/// and months are refused (their length depends on the calendar).
/// </summary>
public static partial class WindowLength
{
    /// <summary>The default: one day.</summary>
    public const long DefaultSeconds = 86_400;

    /// <summary>The shortest window.</summary>
    public const long MinSeconds = 60;

    /// <summary>The longest window.</summary>
    public const long MaxSeconds = 366L * 86_400;

    /// <summary>Parses a JSON string (ISO 8601) or number (seconds); returns an error message instead when invalid.</summary>
    public static (long Seconds, string? Error) Parse(JsonNode? value)
    {
        if (value is null) return (DefaultSeconds, null);
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            return long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? Bounded(n) : (0, "must be a whole number of seconds or an ISO 8601 duration such as P1D");
        if (value is JsonValue s && s.TryGetValue<string>(out var text)) return Parse(text);
        return (0, "must be a whole number of seconds or an ISO 8601 duration such as P1D");
    }

    /// <summary>Parses ISO 8601 (<c>P1D</c>) or digits (seconds).</summary>
    public static (long Seconds, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return Bounded(seconds);
        var m = Iso().Match(text.Trim().ToUpperInvariant());
        if (!m.Success || m.Length == 1 || text.Trim().EndsWith('T'))
            return (0, $"'{Clip(text)}' is not a duration: use ISO 8601 weeks, days, hours, minutes, seconds (P1D, PT6H, P1DT12H) or a number of seconds");
        double total = 0;
        long[] scale = [604_800, 86_400, 3_600, 60, 1];
        for (var g = 1; g <= 5; g++)
        {
            if (m.Groups[g].Success)
                total += double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) * scale[g - 1];
        }
        if (total > MaxSeconds * 2) return (0, $"must be at most {MaxSeconds} seconds (366 days)");
        if (total != Math.Floor(total)) return (0, "must be a whole number of seconds");
        return Bounded((long)total);
    }

    /// <summary>The ISO 8601 form of a length (<c>P1D</c>, <c>PT6H30M</c>).</summary>
    public static string Format(long seconds)
    {
        var days = seconds / 86_400;
        var rest = seconds % 86_400;
        var text = "P" + (days > 0 ? days.ToString(CultureInfo.InvariantCulture) + "D" : "");
        if (rest > 0)
        {
            text += "T";
            if (rest / 3600 > 0) text += (rest / 3600).ToString(CultureInfo.InvariantCulture) + "H";
            if (rest % 3600 / 60 > 0) text += (rest % 3600 / 60).ToString(CultureInfo.InvariantCulture) + "M";
            if (rest % 60 > 0) text += (rest % 60).ToString(CultureInfo.InvariantCulture) + "S";
        }
        return text;
    }

    private static (long, string?) Bounded(long seconds) => seconds switch
    {
        < MinSeconds => (0, $"must be at least {MinSeconds} seconds"),
        > MaxSeconds => (0, $"must be at most {MaxSeconds} seconds (366 days)"),
        _ => (seconds, null),
    };

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,8})H)?(?:(\d{1,9})M)?(?:(\d{1,11})S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
