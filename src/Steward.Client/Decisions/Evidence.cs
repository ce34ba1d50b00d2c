namespace Steward.Client;

/// <summary>A piece of evidence a decision rests on.</summary>
/// <param name="Uri">Where the evidence lives.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the evidence, pinning its content.</param>
public sealed record Evidence(string? Uri, string? Sha256 = null);
