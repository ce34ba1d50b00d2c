namespace Steward.Client;

/// <summary>A newly created API key, with its secret; the secret is shown only here.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">The name given at creation.</param>
/// <param name="Prefix">The public prefix of the key.</param>
/// <param name="Roles">The roles the key grants.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it expires, if ever.</param>
/// <param name="RevokedAt">Always <see langword="null"/> for a new key.</param>
/// <param name="Key">The full key, <c>stw_&lt;prefix&gt;_&lt;secret&gt;</c>.</param>
/// <param name="Actor">The actor its requests are recorded under.</param>
public sealed record CreatedApiKey(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string Key,
    string? Actor = null);
