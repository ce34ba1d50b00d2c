using Cronos;

namespace Steward.Governance.Monitors;

/// <summary>
/// A monitor's schedule: a standard 5-field cron expression (minute, hour, day of month, month, day of week; lists,
/// ranges, steps and names as in Vixie cron), evaluated in UTC. Parsing and next occurrences are Cronos'.
/// </summary>
public sealed class MonitorSchedule
{
    /// <summary>The default: every day at 00:00 UTC.</summary>
    public const string Default = "0 0 * * *";

    private readonly CronExpression _cron;

    private MonitorSchedule(string text, CronExpression cron)
    {
        Text = text;
        _cron = cron;
    }

    /// <summary>The expression as given (trimmed).</summary>
    public string Text { get; }

    /// <summary>Parses an expression; returns an error message instead when it is not a valid 5-field cron expression.</summary>
    public static (MonitorSchedule? Schedule, string? Error) Parse(string? text)
    {
        var trimmed = (text ?? Default).Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return (null, $"must be a cron expression of 5 fields (minute hour day-of-month month day-of-week), not {fields.Length}");
        try
        {
            var cron = CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
            // An expression such as "0 0 30 2 *" parses but never fires.
            if (cron.GetNextOccurrence(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)) is null) return (null, "never fires (no such date)");
            return (new MonitorSchedule(string.Join(' ', fields), cron), null);
        }
        catch (CronFormatException e)
        {
            return (null, $"is not a valid cron expression: {e.Message}");
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _cron.GetNextOccurrence(after.ToUniversalTime(), TimeZoneInfo.Utc, inclusive: false)
        ?? throw new InvalidOperationException($"the schedule '{Text}' has no next occurrence");
}
