using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.Identity;

/// <summary>Actors' signing keys; registration puts the public key itself in the ledger, so signed decisions verify offline.</summary>
public sealed class ActorKeyStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    private const string Columns = "key_id, actor_id, alg, public_key, created_at, revoked_at, ledger_index";

    /// <summary>Registers a public key for the actor (<c>actor_key.registered</c>).</summary>
    public async Task<ActorKey> RegisterAsync(Actor actor, string? publicKeyPem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (alg, der, keyId) = PublicKeys.Parse(publicKeyPem);
        var pem = System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", der);
        var evt = events.Create("actor_key.registered", new Subject("actor_key", keyId), actor,
            new JsonObject { ["key_id"] = keyId, ["alg"] = alg, ["actor_id"] = actor.Id, ["public_key"] = pem });
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var exists = connection.Command("SELECT COUNT(*) FROM actor_keys WHERE key_id = @id", tx).With("@id", keyId);
            if (await exists.ExistsAsync(ct).ConfigureAwait(false))
                throw new ConflictException($"key {keyId} is already registered");
            await using var insert = connection.Command(
                $"INSERT INTO actor_keys ({Columns}) VALUES (@id, @actor, @alg, @pem, @at, NULL, @idx)", tx)
                .With("@id", keyId).With("@actor", actor.Id).With("@alg", alg).With("@pem", pem)
                .With("@at", Timestamps.Format(evt.Time)).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new ActorKey(keyId, actor.Id, alg, pem, evt.Time, null, index);
    }

    /// <summary>Revokes a key; only its owner or an admin may (<c>actor_key.revoked</c>).</summary>
    public async Task RevokeAsync(Actor actor, bool isAdmin, string keyId, CancellationToken cancellationToken = default)
    {
        var key = await GetAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key.ActorId != actor.Id && !isAdmin) throw new ForbiddenException("only the key's owner or an admin may revoke it");
        if (key.RevokedAt is not null) throw new ConflictException($"key {keyId} is already revoked");
        var evt = events.Create("actor_key.revoked", new Subject("actor_key", keyId), actor, new JsonObject { ["key_id"] = keyId });
        await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var command = connection.Command("UPDATE actor_keys SET revoked_at = @at WHERE key_id = @id AND revoked_at IS NULL", tx)
                .With("@at", Timestamps.Format(evt.Time)).With("@id", keyId);
            if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1) throw new ConflictException($"key {keyId} is already revoked");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One key.</summary>
    public async Task<ActorKey> GetAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, keyId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"key {keyId} is not registered");
    }

    /// <summary>Keys, optionally of one actor.</summary>
    public async Task<Page<ActorKey>> ListAsync(string? actorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = actorId is null
            ? connection.Command($"SELECT {Columns} FROM actor_keys ORDER BY created_at")
            : connection.Command($"SELECT {Columns} FROM actor_keys WHERE actor_id = @actor ORDER BY created_at").With("@actor", actorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ActorKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add(Read(reader));
        return new Page<ActorKey>(keys, null);
    }

    internal static async Task<ActorKey?> FindAsync(DbConnection connection, DbTransaction? tx, string keyId, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM actor_keys WHERE key_id = @id", tx).With("@id", keyId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static ActorKey Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Timestamps.Parse(r.GetString(4)),
        r.StringOrNull(5) is { } v ? Timestamps.Parse(v) : null, r.GetInt64(6));
}
