namespace Steward.Client;

/// <summary>A monitor's rule for one column.</summary>
/// <param name="Stattest">An Evidently test name, or <see langword="null"/> for the default choice.</param>
/// <param name="Threshold">The test's threshold, or <see langword="null"/> for its default.</param>
/// <param name="Critical">Drift of this column alone raises <c>drift.detected</c>.</param>
public sealed record MonitorColumnRule(string? Stattest = null, double? Threshold = null, bool Critical = false);
