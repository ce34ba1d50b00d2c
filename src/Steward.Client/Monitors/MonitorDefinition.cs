namespace Steward.Client;

/// <summary>Creates or replaces a drift monitor (see docs/DRIFT.md, "Monitors").</summary>
public sealed record MonitorDefinition
{
    /// <summary>Unique name.</summary>
    public required string Name { get; init; }

    /// <summary>A registered model's id (give it, <see cref="Endpoint"/>, or both).</summary>
    public string? ModelId { get; init; }

    /// <summary>The serving endpoint's name.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>The window: an ISO 8601 duration (<c>P1D</c>, <c>PT6H</c>) or seconds as text; the server's default is one day.</summary>
    public string? Window { get; init; }

    /// <summary>5-field cron expression in UTC; the server's default is <c>0 0 * * *</c>.</summary>
    public string? Schedule { get; init; }

    /// <summary>Feature columns (empty: every reference column but the prediction, label and sensitive ones).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The prediction column.</summary>
    public string? Prediction { get; init; }

    /// <summary>The label column.</summary>
    public string? Label { get; init; }

    /// <summary>Sensitive attributes.</summary>
    public IReadOnlyList<string>? Sensitive { get; init; }

    /// <summary>Columns typed as categories when the server profiles a reference file.</summary>
    public IReadOnlyList<string>? Categorical { get; init; }

    /// <summary>Columns typed as numbers likewise.</summary>
    public IReadOnlyList<string>? Numerical { get; init; }

    /// <summary>Per-column test, threshold and critical flag.</summary>
    public IReadOnlyDictionary<string, MonitorColumnRule>? Columns { get; init; }

    /// <summary>Share of drifted columns at which the dataset drifted (server default 0.5).</summary>
    public double? DriftShare { get; init; }

    /// <summary>Fewer rows in a window report "insufficient data" (server default 30).</summary>
    public long? MinRows { get; init; }

    /// <summary>The positive class's score column (classification: ROC AUC).</summary>
    public string? PredictionScore { get; init; }

    /// <summary><c>classification</c> (server default) or <c>regression</c>.</summary>
    public string? Task { get; init; }

    /// <summary>The positive class of classification and fairness (server default <c>1</c>).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Per sensitive attribute, its privileged value.</summary>
    public IReadOnlyDictionary<string, string>? Privileged { get; init; }

    /// <summary>Per performance metric, its bound (minimum for scores, maximum for mae and rmse); crossing one raises drift.detected.</summary>
    public IReadOnlyDictionary<string, double>? PerformanceThresholds { get; init; }

    /// <summary>The row-id column: predictions sent without a label wait for it (<see cref="MonitorsClient.PostLabelsAsync"/>). Needs label and prediction.</summary>
    public string? IdColumn { get; init; }

    /// <summary>How long a prediction waits for its label: an ISO 8601 duration or seconds as text; the server's default is 14 days.</summary>
    public string? LabelTtl { get; init; }

    /// <summary>The most predictions waiting for labels; beyond, the oldest are dropped and counted. The server's default is 1,000,000.</summary>
    public long? MaxPendingLabels { get; init; }
}
