using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Identity;

/// <summary>
/// API keys: <c>stw_&lt;prefix&gt;_&lt;secret&gt;</c>, stored as SHA-256 of the whole key (the secret has 256 bits
/// of entropy, so a fast hash is enough), identifiable by prefix, revocable, with optional expiry.
/// Creation and revocation are ledger entries; the secret never is.
/// </summary>
public sealed class ApiKeyStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const string Columns = "id, name, prefix, roles, created_at, created_by, expires_at, revoked_at, actor";

    /// <summary>
    /// Creates a key (<c>api_key.created</c>) for <paramref name="owner"/> (default: the key's name).
    /// <paramref name="secret"/> supplies the key text (bootstrap only).
    /// </summary>
    public async Task<CreatedApiKey> CreateAsync(Actor actor, string? name, IReadOnlyList<string>? roles, DateTimeOffset? expiresAt,
        string? owner = null, string? secret = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = new Check();
        var keyName = check.Required("name", name);
        var keyActor = owner is null ? keyName : check.Required("actor", owner);
        if (roles is null || roles.Count == 0) check.Fail("roles", $"at least one role is required ({string.Join(", ", Roles.All)})");
        foreach (var role in roles ?? []) check.OneOf("roles", role, Roles.All.ToArray());
        if (expiresAt is { } e && e <= events.Time.GetUtcNow()) check.Fail("expires_at", "must be in the future");
        if (secret is not null && secret.Length < 16) check.Fail("key", "must be at least 16 characters");
        check.ThrowIfFailed();

        var evt = events.Create("api_key.created", new Subject("api_key", ""), actor, []);
        var id = evt.Id.ToString();
        var key = secret ?? NewKey();
        var prefix = key.StartsWith("stw_", StringComparison.Ordinal) && key.Length > 12 ? key[4..12] : key[..Math.Min(4, key.Length)] + "…";
        var stored = new ApiKey(id, keyName, prefix, roles!.Distinct().ToArray(), evt.Time, actor.Id, expiresAt, null, keyActor);
        var data = new JsonObject
        {
            ["id"] = id, ["name"] = keyName, ["prefix"] = prefix, ["actor"] = keyActor,
            ["roles"] = new JsonArray(stored.Roles.Select(r => (JsonNode)r).ToArray()),
        };
        if (expiresAt is { } exp) data["expires_at"] = Timestamps.Format(exp);
        evt = evt with { Subject = new Subject("api_key", id), Data = data };
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var exists = connection.Command("SELECT COUNT(*) FROM api_keys WHERE name = @name AND revoked_at IS NULL", tx).With("@name", keyName);
            if (await exists.ExistsAsync(ct).ConfigureAwait(false))
                throw new ConflictException($"an active API key named '{keyName}' already exists");
            await using var insert = connection.Command(
                $"INSERT INTO api_keys ({Columns}, key_hash) VALUES (@id, @name, @prefix, @roles, @at, @by, @exp, NULL, @actor, @hash)", tx)
                .With("@id", id).With("@name", keyName).With("@prefix", prefix).With("@roles", string.Join(',', stored.Roles))
                .With("@at", Timestamps.Format(evt.Time)).With("@by", actor.Id)
                .With("@exp", expiresAt is { } x ? Timestamps.Format(x) : null).With("@actor", keyActor).With("@hash", Hash(key));
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(stored, key);
    }

    /// <summary>Revokes a key (<c>api_key.revoked</c>).</summary>
    public async Task RevokeAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var evt = events.Create("api_key.revoked", new Subject("api_key", id), actor, new JsonObject { ["id"] = id });
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var command = connection.Command("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", tx)
                .With("@at", Timestamps.Format(evt.Time)).With("@id", id);
            if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new NotFoundException($"no active API key {id}");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The active (not revoked, not expired) key with this secret, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM api_keys WHERE key_hash = @hash").With("@hash", Hash(secret));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var key = Read(reader);
        if (key.RevokedAt is not null) return null;
        if (key.ExpiresAt is { } e && e <= events.Time.GetUtcNow()) return null;
        return key;
    }

    /// <summary>One key by id (no secret), or null.</summary>
    public async Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM api_keys WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Whether any key exists at all (first start).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COUNT(*) FROM api_keys");
        return await command.ExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All keys, without secrets.</summary>
    public async Task<Page<ApiKey>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM api_keys WHERE id > @after ORDER BY id LIMIT @limit")
            .With("@after", Cursor.Decode(cursor) ?? "").With("@limit", take + 1);
        var items = new List<ApiKey>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        }
        return Pages.Cut(items, take, k => k.Id);
    }

    /// <summary>Makes a new random key.</summary>
    public static string NewKey()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"stw_{prefix}_{secret}";
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ApiKey Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
        Timestamps.Parse(r.GetString(4)), r.GetString(5),
        r.StringOrNull(6) is { } e ? Timestamps.Parse(e) : null, r.StringOrNull(7) is { } v ? Timestamps.Parse(v) : null, r.GetString(8));
}
