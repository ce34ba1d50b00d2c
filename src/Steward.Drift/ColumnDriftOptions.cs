namespace Steward.Drift;

/// <summary>Per-column overrides: the test to use and its threshold (<see langword="null"/> keeps the default).</summary>
/// <param name="StatTest">A test name such as <c>ks</c> or <c>psi</c>.</param>
/// <param name="Threshold">The threshold the score is compared with.</param>
public sealed record ColumnDriftOptions(string? StatTest = null, double? Threshold = null);
