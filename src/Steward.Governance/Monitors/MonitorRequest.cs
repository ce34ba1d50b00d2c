using System.Text.Json.Nodes;

namespace Steward.Governance.Monitors;

/// <summary>What creating (or replacing) a monitor takes; see <see cref="MonitorSpec.Parse"/> for the rules and defaults.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="ModelId">A registered model's id (optional when <paramref name="Endpoint"/> is given).</param>
/// <param name="Endpoint">The serving endpoint's name, as decision logs name it (optional when <paramref name="ModelId"/> is given).</param>
/// <param name="Description">Free text.</param>
/// <param name="Window">The window: an ISO 8601 duration (<c>P1D</c>, <c>PT6H</c>) or a number of seconds; default one day.</param>
/// <param name="Schedule">A 5-field cron expression evaluated in UTC; default <c>0 0 * * *</c> (daily at midnight).</param>
/// <param name="Features">Feature columns compared; empty: every reference column but the prediction, label and sensitive ones.</param>
/// <param name="Prediction">The model's prediction column (compared for drift too).</param>
/// <param name="Label">The ground-truth label column, when labels arrive with the predictions.</param>
/// <param name="Sensitive">Sensitive attributes for fairness figures.</param>
/// <param name="Categorical">Columns typed as categories when the server builds the reference from a CSV or JSONL file.</param>
/// <param name="Numerical">Columns typed as numbers likewise.</param>
/// <param name="Columns">Per-column test, threshold and critical flag.</param>
/// <param name="DriftShare">The share of drifted columns at which the dataset drifted; default 0.5.</param>
/// <param name="MinRows">Fewer rows in a window report "insufficient data"; default 30.</param>
/// <param name="PredictionScore">The column with the positive class's score (classification: ROC AUC).</param>
/// <param name="Task"><c>classification</c> (default) or <c>regression</c>: how label and prediction are compared.</param>
/// <param name="PositiveClass">The positive class of classification and fairness; default <c>1</c>.</param>
/// <param name="Privileged">Per sensitive attribute, its privileged value (AIF360's comparisons).</param>
/// <param name="PerformanceThresholds">Per metric of the window's performance, its bound (a minimum for scores such as accuracy, a maximum for mae and rmse): crossing one raises <c>drift.detected</c>.</param>
/// <param name="IdColumn">The row-id column: predictions that arrive without a label wait for it, joined by this id (<c>POST /api/v1/monitors/{id}/labels</c>).</param>
/// <param name="LabelTtl">How long a prediction waits for its label: an ISO 8601 duration or seconds; default 14 days.</param>
/// <param name="MaxPendingLabels">The most predictions waiting for labels; beyond, the oldest are dropped and counted. Default 1,000,000.</param>
public sealed record MonitorRequest(
    string? Name, string? ModelId, string? Endpoint, string? Description, JsonNode? Window, string? Schedule,
    IReadOnlyList<string>? Features, string? Prediction, string? Label, IReadOnlyList<string>? Sensitive,
    IReadOnlyList<string>? Categorical, IReadOnlyList<string>? Numerical,
    IReadOnlyDictionary<string, MonitorColumnRule>? Columns, double? DriftShare, long? MinRows,
    string? PredictionScore = null, string? Task = null, string? PositiveClass = null, IReadOnlyDictionary<string, string>? Privileged = null, IReadOnlyDictionary<string, double>? PerformanceThresholds = null,
    string? IdColumn = null, JsonNode? LabelTtl = null, long? MaxPendingLabels = null);
