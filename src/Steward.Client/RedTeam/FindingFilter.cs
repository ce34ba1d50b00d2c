namespace Steward.Client;

/// <summary>Narrows a list of findings; absent members do not filter.</summary>
/// <param name="SystemId">Only findings of this system.</param>
/// <param name="ExerciseId">Only findings of this exercise.</param>
/// <param name="Status">open, mitigated or risk_accepted.</param>
/// <param name="Severity">critical, high, medium, low or info.</param>
public sealed record FindingFilter(string? SystemId = null, string? ExerciseId = null, string? Status = null, string? Severity = null);
