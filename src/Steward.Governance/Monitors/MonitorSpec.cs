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
/// <param name="PredictionScore">The positive class's score column.</param>
/// <param name="Task"><c>classification</c> or <c>regression</c> (null: classification).</param>
/// <param name="PositiveClass">The positive class (null: <c>1</c>).</param>
/// <param name="Privileged">Privileged value per sensitive attribute.</param>
/// <param name="PerformanceThresholds">Per metric of the window's performance, its bound (a minimum for scores such as accuracy, a maximum for mae and rmse): crossing one raises <c>drift.detected</c>.</param>
/// <param name="IdColumn">The row-id column that joins labels arriving later to their predictions.</param>
/// <param name="LabelTtlSeconds">How long a prediction waits for its label (with <paramref name="IdColumn"/>).</param>
/// <param name="MaxPendingLabels">The most predictions waiting for labels (with <paramref name="IdColumn"/>); beyond, the oldest are dropped and counted.</param>
public sealed record MonitorSpec(
    string Description, long WindowSeconds, string Schedule, IReadOnlyList<string> Features, string? Prediction, string? Label,
    IReadOnlyList<string> Sensitive, IReadOnlyList<string> Categorical, IReadOnlyList<string> Numerical,
    IReadOnlyDictionary<string, MonitorColumnRule> Columns, double DriftShare, long MinRows,
    string? PredictionScore = null, string? Task = null, string? PositiveClass = null, IReadOnlyDictionary<string, string>? Privileged = null, IReadOnlyDictionary<string, double>? PerformanceThresholds = null,
    string? IdColumn = null, long? LabelTtlSeconds = null, long? MaxPendingLabels = null)
{
    /// <summary>The tasks <see cref="Task"/> may name.</summary>
    public static readonly IReadOnlyList<string> Tasks = ["classification", "regression"];

    /// <summary>Whether batches feed performance and fairness: both a label and a prediction column are named.</summary>
    public bool MeasuresQuality => Label is not null && Prediction is not null;

    /// <summary>The default minimum number of rows in a window.</summary>
    public const long DefaultMinRows = 30;

    /// <summary>Every column the monitor reads from a batch besides the features: prediction, label and sensitive attributes.</summary>
    public IEnumerable<string> RoleColumns() =>
        new[] { Prediction, Label, PredictionScore }.OfType<string>().Concat(Sensitive);

    /// <summary>Whether predictions without a label wait for one, joined by <see cref="IdColumn"/>.</summary>
    public bool JoinsLateLabels => IdColumn is not null && MeasuresQuality;

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
        var score = ColumnName(check, "prediction_score", request.PredictionScore);
        var roles = new[] { prediction, label, score }.OfType<string>().Concat(sensitive).ToList();
        if (features.Intersect(roles, StringComparer.Ordinal).FirstOrDefault() is { } clash)
            check.Fail("features", $"column '{clash}' is the prediction, label or a sensitive attribute");
        if (prediction is not null && prediction == label) check.Fail("label", "must differ from prediction");
        var (task, positive, privileged) = Quality(check, request, prediction, label, score, sensitive);
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
        var (idColumn, ttl, maxPending) = LateLabels.Parse(check, request, features.Concat(roles), prediction is not null && label is not null);
        return new MonitorSpec(description, window, schedule?.Text ?? MonitorSchedule.Default, features, prediction, label, sensitive,
            categorical, numerical, rules, share, minRows, score, task, positive, privileged,
            Thresholds(check, request, prediction is not null && label is not null), idColumn, ttl, maxPending);
    }

    /// <summary>Metrics a performance threshold may bound from below (classification, then regression's r2).</summary>
    public static readonly IReadOnlyList<string> MinimumMetrics =
        ["accuracy", "precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1", "weighted_precision", "weighted_recall",
         "weighted_f1", "micro_precision", "micro_recall", "micro_f1", "roc_auc", "r2"];

    /// <summary>Metrics a performance threshold bounds from above (regression errors).</summary>
    public static readonly IReadOnlyList<string> MaximumMetrics = ["mae", "rmse"];

    private static Dictionary<string, double>? Thresholds(Check check, MonitorRequest request, bool measured)
    {
        if (request.PerformanceThresholds is not { Count: > 0 } given) return null;
        if (!measured) check.Fail("performance_thresholds", "needs both label and prediction");
        var regression = request.Task == "regression";
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (metric, value) in given)
        {
            var field = $"performance_thresholds.{metric}";
            var allowed = regression ? ["r2", .. MaximumMetrics] : MinimumMetrics.Where(m => m != "r2").ToList();
            if (!allowed.Contains(metric, StringComparer.Ordinal)) check.Fail(field, $"must be one of {string.Join(", ", allowed)} for {(regression ? "regression" : "classification")}");
            else if (!double.IsFinite(value)) check.Fail(field, "must be a finite number");
            else thresholds[metric] = value;
        }
        return thresholds.Count > 0 ? thresholds : null;
    }

    // The performance and fairness settings: they need a label and a prediction to measure anything.
    private static (string? Task, string? Positive, Dictionary<string, string>? Privileged) Quality(
        Check check, MonitorRequest request, string? prediction, string? label, string? score, List<string> sensitive)
    {
        var measured = prediction is not null && label is not null;
        foreach (var (field, value) in new[] { ("prediction_score", score), ("task", request.Task), ("positive_class", request.PositiveClass) })
            if (value is not null && !measured) check.Fail(field, "needs both label and prediction");
        if (score is not null && (score == prediction || score == label)) check.Fail("prediction_score", "must differ from prediction and label");
        if (request.Task is { } t && !Tasks.Contains(t, StringComparer.Ordinal)) check.Fail("task", "must be classification or regression");
        if (request.Task == "regression" && (score is not null || request.PositiveClass is not null))
            check.Fail(score is not null ? "prediction_score" : "positive_class", "applies to classification only");
        if (request.PositiveClass is { } p && (p.Length is 0 or > 200 || p.Any(char.IsControl)))
            check.Fail("positive_class", "must be 1 to 200 characters without control characters");
        if (request.Privileged is null) return (request.Task, request.PositiveClass, null);
        var privileged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attribute, value) in request.Privileged)
        {
            if (!sensitive.Contains(attribute, StringComparer.Ordinal)) check.Fail($"privileged.{attribute}", "must be one of the sensitive attributes");
            else if (value is null || value.Length is 0 or > 200 || value.Any(char.IsControl))
                check.Fail($"privileged.{attribute}", "must be 1 to 200 characters without control characters");
            else privileged[attribute] = value;
        }
        return (request.Task, request.PositiveClass, privileged.Count > 0 ? privileged : null);
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
