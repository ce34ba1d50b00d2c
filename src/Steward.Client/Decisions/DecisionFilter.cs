namespace Steward.Client;

/// <summary>Narrows a list of decisions; absent members do not filter.</summary>
/// <param name="SubjectKind">Only decisions on subjects of this kind.</param>
/// <param name="SubjectId">Only decisions on this subject.</param>
/// <param name="Type">Only decisions of this type.</param>
public sealed record DecisionFilter(string? SubjectKind = null, string? SubjectId = null, string? Type = null);
