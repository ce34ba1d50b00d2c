namespace Steward.Client;

/// <summary>The server's health: <c>GET /health</c>.</summary>
/// <param name="Status">ok when the server is healthy.</param>
/// <param name="Store">sqlite or postgres.</param>
/// <param name="LedgerSize">The number of ledger entries.</param>
public sealed record HealthStatus(string Status, string? Store, long? LedgerSize);
