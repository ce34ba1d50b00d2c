namespace Steward.Governance.Policies;

/// <summary>One version of a stored Rego module; a deletion is a version with <see cref="Deleted"/> set and no text.</summary>
/// <param name="Id">The module id (OPA's policy id, e.g. <c>authz/main.rego</c>).</param>
/// <param name="Version">1 for the first write, then one more per change.</param>
/// <param name="Raw">The Rego text, or null for a deletion.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the UTF-8 text (of the deleted text for a deletion).</param>
/// <param name="Package">The package path, e.g. <c>ai_policy</c>.</param>
/// <param name="Deleted">Whether this version deleted the module.</param>
/// <param name="CreatedBy">The actor who wrote this version.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="LedgerIndex">The ledger entry that recorded it.</param>
public sealed record PolicyModule(
    string Id, long Version, string? Raw, string Sha256, string Package, bool Deleted, string CreatedBy, DateTimeOffset CreatedAt, long LedgerIndex);
