using Steward.Drift;
using Steward.Governance.Errors;

namespace Steward.Governance.Monitors;

/// <summary>A monitor's validated definition, stored as one JSON document (the fields of <see cref="MonitorRequest"/> but name and binding).</summary>
/// <param name="Description">Free text.</param>
/// <param name="WindowSeconds">The window length.</param>
/// <param name="Schedule">The cron expression (UTC).</param>
/// <param name="Features">Feature columns; empty means every reference column but prediction, label and sensitive ones.</param>
/// <param name="Prediction">The prediction column.</param>
/// <param name="Label">The label column.</param>
/// <param name="Sensitive">Sensitive attributes.</param>
/// <param name="Categorical">Type overrides for building a reference from a file.</param>
/// <param name="Numerical">Type overrides for building a reference from a file.</param>
/// <param name="Columns">Per-column rules.</param>
/// <param name="DriftShare">Dataset drift share.</param>
/// <param name="MinRows">Minimum rows for a verdict.</param>
public sealed record MonitorSpec(
    string Description, long WindowSeconds, string Schedule, IReadOnlyList<string> Features, string? Prediction, string? Label,
    IReadOnlyList<string> Sensitive, IReadOnlyList<string> Categorical, IReadOnlyList<string> Numerical,
    IReadOnlyDictionary<string, MonitorColumnRule> Columns, double DriftShare, long MinRows)
{
    /// <summary>The default minimum number of rows in a window.</summary>
    public const long DefaultMinRows = 30;

    /// <summary>Every column the monitor reads from a batch besides the features: prediction, label and sensitive attributes.</summary>
    public IEnumerable<string> RoleColumns() =>
        new[] { Prediction, Label }.OfType<string>().Concat(Sensitive);

    /// <summary>Validates a request's definition fields into <paramref name="check"/>.</summary>
    public static MonitorSpec Parse(MonitorRequest request, Check check)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(check);
        var description = check.Text("description", request.Description, 4000) ?? "";
        var (window, windowError) = WindowLength.Parse(request.Window);
        if (windowError is not null) check.Fail("window", windowError);
        var (schedule, scheduleError) = MonitorSchedule.Parse(request.Schedule);
        if (scheduleError is not null) check.Fail("schedule", scheduleError);
        var features = Names(check, "features", request.Features);
        var prediction = ColumnName(check, "prediction", request.Prediction);
        var label = ColumnName(check, "label", request.Label);
        var sensitive = Names(check, "sensitive", request.Sensitive);
        var categorical = Names(check, "categorical", request.Categorical);
        var numerical = Names(check, "numerical", request.Numerical);
        if (categorical.Intersect(numerical, StringComparer.Ordinal).FirstOrDefault() is { } both)
            check.Fail("numerical", $"column '{both}' cannot be both categorical and numerical");
        var roles = new[] { prediction, label }.OfType<string>().Concat(sensitive).ToList();
        if (features.Intersect(roles, StringComparer.Ordinal).FirstOrDefault() is { } clash)
            check.Fail("features", $"column '{clash}' is the prediction, label or a sensitive attribute");
        if (prediction is not null && prediction == label) check.Fail("label", "must differ from prediction");
        var rules = new Dictionary<string, MonitorColumnRule>(StringComparer.Ordinal);
        foreach (var (column, rule) in request.Columns ?? new Dictionary<string, MonitorColumnRule>())
        {
            var field = $"columns.{column}";
            if (ColumnName(check, field, column) is null || rule is null) { if (rule is null) check.Fail(field, "must be an object"); continue; }
            if (rule.Stattest is { } test && !DriftEngine.StatTestNames.Contains(test, StringComparer.Ordinal))
                check.Fail(field + ".stattest", $"must be one of {string.Join(", ", DriftEngine.StatTestNames)}");
            if (rule.Threshold is { } t && (!double.IsFinite(t) || t < 0)) check.Fail(field + ".threshold", "must be a finite number of 0 or more");
            rules[column] = rule;
        }
        var share = request.DriftShare ?? 0.5;
        if (!(share > 0 && share <= 1)) check.Fail("drift_share", "must be greater than 0 and at most 1");
        var minRows = request.MinRows ?? DefaultMinRows;
        if (minRows is < 1 or > 1_000_000_000) check.Fail("min_rows", "must be between 1 and 1000000000");
        return new MonitorSpec(description, window, schedule?.Text ?? MonitorSchedule.Default, features, prediction, label, sensitive,
            categorical, numerical, rules, share, minRows);
    }

    private static List<string> Names(Check check, string field, IReadOnlyList<string>? names)
    {
        var list = new List<string>();
        if (names is null) return list;
        if (names.Count > 10_000) { check.Fail(field, "must list at most 10000 columns"); return list; }
        foreach (var name in names)
        {
            if (ColumnName(check, field, name) is { } ok)
            {
                if (list.Contains(ok, StringComparer.Ordinal)) check.Fail(field, $"lists '{ok}' twice");
                else list.Add(ok);
            }
        }
        return list;
    }

    private static string? ColumnName(Check check, string field, string? name)
    {
        if (name is null) return null;
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
        {
            check.Fail(field, "column names must be 1 to 200 characters without control characters");
            return null;
        }
        return name;
    }
}
