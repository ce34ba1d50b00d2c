namespace Steward.Governance.Identity;

/// <summary>An API key as stored (never the secret).</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">Unique name among active keys.</param>
/// <param name="Prefix">The public part of the key (<c>stw_&lt;prefix&gt;_...</c>).</param>
/// <param name="Roles">Granted roles.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="CreatedBy">Actor who created it.</param>
/// <param name="ExpiresAt">Expiry, if any.</param>
/// <param name="RevokedAt">Revocation time, if revoked.</param>
/// <param name="Actor">Whose key it is: the actor id its requests are recorded under. Several keys of one
/// person share it, so separation of duties sees them as one actor. Defaults to the key's name.</param>
public sealed record ApiKey(
    string Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string Actor);

/// <summary>A newly created key with its secret, which is shown once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
