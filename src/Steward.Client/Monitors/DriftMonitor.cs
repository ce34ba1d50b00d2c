namespace Steward.Client;

/// <summary>A drift monitor as the server returns it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="ModelId">The registered model.</param>
/// <param name="Endpoint">The serving endpoint.</param>
/// <param name="Description">Free text.</param>
/// <param name="Window">The window as an ISO 8601 duration.</param>
/// <param name="WindowSeconds">The window in seconds.</param>
/// <param name="Schedule">The cron expression (UTC).</param>
/// <param name="Features">Feature columns.</param>
/// <param name="Prediction">Prediction column.</param>
/// <param name="Label">Label column.</param>
/// <param name="Sensitive">Sensitive attributes.</param>
/// <param name="Categorical">Type overrides for reference files.</param>
/// <param name="Numerical">Type overrides for reference files.</param>
/// <param name="Columns">Per-column rules.</param>
/// <param name="DriftShare">Dataset drift share.</param>
/// <param name="MinRows">Minimum rows for a verdict.</param>
/// <param name="Status">no_reference, pending, drift, no_drift, insufficient_data or failed.</param>
/// <param name="Reference">The reference profile's summary.</param>
/// <param name="CurrentWindow">The open window.</param>
/// <param name="LastRun">The latest run.</param>
/// <param name="NextRunAt">The next scheduled run.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="UpdatedAt">When last changed.</param>
/// <param name="LedgerIndex">The ledger entry of the last change.</param>
/// <param name="PredictionScore">The positive class's score column.</param>
/// <param name="Task">classification or regression (null: classification when label and prediction are named).</param>
/// <param name="PositiveClass">The positive class (null: 1).</param>
/// <param name="Privileged">Privileged value per sensitive attribute.</param>
/// <param name="PerformanceThresholds">Per performance metric, its bound.</param>
/// <param name="IdColumn">The row-id column that joins late labels to their predictions.</param>
/// <param name="LabelTtl">How long a prediction waits for its label (ISO 8601 duration).</param>
/// <param name="LabelTtlSeconds">The same in seconds.</param>
/// <param name="MaxPendingLabels">The most predictions waiting for labels.</param>
public sealed record DriftMonitor(
    string Id, string Name, string? ModelId, string? Endpoint, string Description, string Window, long WindowSeconds, string Schedule,
    IReadOnlyList<string> Features, string? Prediction, string? Label, IReadOnlyList<string> Sensitive,
    IReadOnlyList<string> Categorical, IReadOnlyList<string> Numerical, IReadOnlyDictionary<string, MonitorColumnRule> Columns,
    double DriftShare, long MinRows, string Status, MonitorReference? Reference, MonitorWindow CurrentWindow, MonitorRun? LastRun,
    DateTimeOffset NextRunAt, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, long LedgerIndex,
    string? PredictionScore = null, string? Task = null, string? PositiveClass = null, IReadOnlyDictionary<string, string>? Privileged = null, IReadOnlyDictionary<string, double>? PerformanceThresholds = null,
    string? IdColumn = null, string? LabelTtl = null, long? LabelTtlSeconds = null, long? MaxPendingLabels = null);
