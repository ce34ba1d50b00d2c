namespace Steward.Governance.Policies;

/// <summary>One version of a data document stored at a path under <c>data</c>; a deletion has no body.</summary>
/// <param name="Path">Slash-separated path below <c>data</c> (empty for the root).</param>
/// <param name="Version">1 for the first write, then one more per change.</param>
/// <param name="Json">The document as JSON, or null for a deletion.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the JSON text (empty for a deletion).</param>
/// <param name="Deleted">Whether this version deleted the document.</param>
/// <param name="CreatedBy">The actor who wrote this version.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="LedgerIndex">The ledger entry that recorded it.</param>
public sealed record PolicyDataDocument(
    string Path, long Version, string? Json, string Sha256, bool Deleted, string CreatedBy, DateTimeOffset CreatedAt, long LedgerIndex);
