using Steward.Governance.Errors;

namespace Steward.Governance.Monitors;

/// <summary>
/// The late-label settings of a monitor: <c>id_column</c> (the row id that joins a label to its prediction),
/// <c>label_ttl</c> (how long a prediction waits, default 14 days) and <c>max_pending_labels</c> (default 1,000,000).
/// </summary>
public static class LateLabels
{
    /// <summary>The default wait for a label: 14 days (Arize's default join window).</summary>
    public const long DefaultTtlSeconds = 14 * 86_400;

    /// <summary>The default bound on predictions waiting for labels, per monitor.</summary>
    public const long DefaultMaxPending = 1_000_000;

    /// <summary>The largest bound allowed.</summary>
    public const long MaxPendingLimit = 100_000_000;

    /// <summary>The longest a row id may be.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Validates the settings; <c>label_ttl</c> and <c>max_pending_labels</c> need <c>id_column</c>, which needs label and prediction.</summary>
    public static (string? IdColumn, long? TtlSeconds, long? MaxPending) Parse(Check check, MonitorRequest request, IEnumerable<string> otherColumns, bool measured)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdColumn is null)
        {
            if (request.LabelTtl is not null) check.Fail("label_ttl", "needs id_column");
            if (request.MaxPendingLabels is not null) check.Fail("max_pending_labels", "needs id_column");
            return (null, null, null);
        }
        var id = request.IdColumn;
        if (id.Length is 0 or > 200 || id.Any(char.IsControl)) check.Fail("id_column", "column names must be 1 to 200 characters without control characters");
        else if (otherColumns.Contains(id, StringComparer.Ordinal)) check.Fail("id_column", $"column '{id}' is already a feature, the prediction, the label, the score or a sensitive attribute");
        if (!measured) check.Fail("id_column", "needs both label and prediction");
        long ttl = DefaultTtlSeconds;
        if (request.LabelTtl is not null)
        {
            var (seconds, error) = WindowLength.Parse(request.LabelTtl);
            if (error is not null) check.Fail("label_ttl", error);
            ttl = seconds;
        }
        var max = request.MaxPendingLabels ?? DefaultMaxPending;
        if (max is < 1 or > MaxPendingLimit) check.Fail("max_pending_labels", $"must be between 1 and {MaxPendingLimit}");
        return (id, ttl, max);
    }
}
