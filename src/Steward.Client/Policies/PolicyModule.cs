namespace Steward.Client;

/// <summary>A Rego module stored on the server (the current version).</summary>
/// <param name="Id">The module id, e.g. <c>authz/main.rego</c>.</param>
/// <param name="Raw">The Rego text.</param>
/// <param name="Package">The package, e.g. <c>ai_policy</c>.</param>
/// <param name="Version">1 for the first write, then one more per change.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the text.</param>
/// <param name="CreatedBy">Who wrote this version.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="LedgerIndex">The ledger entry that recorded it.</param>
public sealed record PolicyModule(
    string Id, string Raw, string Package, long Version, string Sha256, string CreatedBy, DateTimeOffset CreatedAt, long LedgerIndex);
