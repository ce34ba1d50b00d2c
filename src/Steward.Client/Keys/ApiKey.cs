namespace Steward.Client;

/// <summary>An API key, without its secret.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">The name given at creation.</param>
/// <param name="Prefix">The public prefix of the key (<c>stw_&lt;prefix&gt;_...</c>).</param>
/// <param name="Roles">The roles the key grants.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it expires, if ever.</param>
/// <param name="RevokedAt">When it was revoked, or <see langword="null"/> while it is valid.</param>
/// <param name="Actor">The actor its requests are recorded under (several keys of one person share it).</param>
public sealed record ApiKey(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? Actor = null);
