namespace Steward.Client;

/// <summary>Narrows a list of ledger entries; absent members do not filter.</summary>
/// <param name="Type">Only events of this type.</param>
/// <param name="SubjectKind">Only events on subjects of this kind.</param>
/// <param name="SubjectId">Only events on this subject.</param>
/// <param name="Actor">Only events caused by this actor id.</param>
/// <param name="Since">Only events at or after this time.</param>
/// <param name="Until">Only events before this time.</param>
public sealed record LedgerEntryFilter(
    string? Type = null,
    string? SubjectKind = null,
    string? SubjectId = null,
    string? Actor = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null);
