namespace Steward.Client;

/// <summary>What a decision or ledger entry is about.</summary>
/// <param name="Kind">system, model or dataset (ledger entries know more kinds).</param>
/// <param name="Id">The subject's id.</param>
public sealed record SubjectRef(string Kind, string Id);
