namespace Steward.Governance.RedTeam;

/// <summary>Narrows a list of findings; null members do not filter.</summary>
public sealed record FindingFilter(string? SystemId = null, string? ExerciseId = null, string? Status = null, string? Severity = null);
