namespace Steward.Governance.Monitors;

/// <summary>A monitor's rule for one column: the test and threshold (overriding Evidently's default choice) and whether drift of this column alone raises <c>drift.detected</c>.</summary>
/// <param name="Stattest">An Evidently test name (<c>ks</c>, <c>psi</c>, ...); <see langword="null"/> keeps the default choice.</param>
/// <param name="Threshold">The test's threshold; <see langword="null"/> keeps the test's default.</param>
/// <param name="Critical">Drift of this column emits <c>drift.detected</c> even when the dataset as a whole did not drift.</param>
public sealed record MonitorColumnRule(string? Stattest = null, double? Threshold = null, bool Critical = false);
