using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Decisions;

/// <summary>
/// Records decisions (<c>decision.recorded</c>). Checks the subject, the superseded decision, the actor's
/// signature over the canonical payload, and separation of duties: whoever registered a subject cannot
/// approve it (the refusal itself is recorded as <c>decision.refused</c>).
/// </summary>
public sealed class DecisionStore(StewardDatabase db, LedgerStore ledger, EventFactory events, IEnumerable<IDecisionPrecondition>? preconditions = null)
{
    private readonly IDecisionPrecondition[] _preconditions = [.. preconditions ?? []];

    /// <summary>Records a decision.</summary>
    public async Task<Decision> RecordAsync(Actor actor, DecisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        DecisionSignature? signature = null;
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // One query tells both whether the subject exists and who registered it.
            var creator = await InventoryChecks.CreatorAsync(connection, null, request.Subject.Kind, request.Subject.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationFailedException("subject", $"{request.Subject.Kind} {request.Subject.Id} does not exist");
            if (request.Supersedes is { } old)
                await EnsureSupersedableAsync(connection, old, request.Subject, cancellationToken).ConfigureAwait(false);
            if (request.SignatureKeyId is { } keyId)
                signature = await VerifySignatureAsync(connection, actor, keyId, request, cancellationToken).ConfigureAwait(false);
            if (request.Outcome == "approved" && creator == actor.Id)
                await RefuseAsync(actor, request, "separation of duties: the actor who registered the subject cannot approve it", cancellationToken).ConfigureAwait(false);
            foreach (var precondition in _preconditions)
            {
                if (await precondition.RefusalAsync(connection, actor, request, cancellationToken).ConfigureAwait(false) is { } reason)
                    await RefuseAsync(actor, request, reason, cancellationToken).ConfigureAwait(false);
            }
        }

        var evt = events.Create("decision.recorded", request.Subject, actor, []);
        var decision = new Decision(evt.Id.ToString(), request.Type, request.Subject, request.Outcome, request.Rationale,
            request.RiskAcknowledged, request.Evidence, request.Refs, request.Supersedes, signature, actor, evt.Time, 0);
        var data = GovernanceJson.ToObject(decision);
        data.Remove("ledger_index");
        data.Remove("actor");
        data.Remove("subject");
        if (signature is not null) data["signed_payload"] = request.SignedPayload.DeepClone();
        var refs = new Dictionary<string, string>(request.Refs) { ["decision_id"] = decision.Id };
        if (request.Supersedes is { } s) refs["supersedes"] = s;
        evt = evt with { Data = data, Refs = refs };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            if (signature is not null && await ActorKeyStore.FindAsync(connection, tx, signature.KeyId, ct).ConfigureAwait(false) is { RevokedAt: not null })
                throw new ValidationFailedException("signature.key_id", $"key {signature.KeyId} was revoked");
            if (signature is not null)
            {
                await using var replay = connection.Command("SELECT COUNT(*) FROM decisions WHERE signature = @sig", tx).With("@sig", signature.Sig);
                if (await replay.ExistsAsync(ct).ConfigureAwait(false))
                    throw new ConflictException("this signature was already used for another decision (replay)");
            }
            await using var insert = connection.Command(
                "INSERT INTO decisions (id, type, subject_kind, subject_id, outcome, supersedes, signature, actor_id, recorded_at, body, ledger_index) " +
                "VALUES (@id, @type, @sk, @sid, @outcome, @sup, @sig, @actor, @at, @body, @idx)", tx)
                .With("@id", decision.Id).With("@type", decision.Type).With("@sk", decision.Subject.Kind).With("@sid", decision.Subject.Id)
                .With("@outcome", decision.Outcome).With("@sup", decision.Supersedes).With("@sig", signature?.Sig)
                .With("@actor", actor.Id).With("@at", Timestamps.Format(evt.Time))
                .With("@body", JsonSerializer.Serialize(decision, GovernanceJson.Options)).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return decision with { LedgerIndex = index };
    }

    /// <summary>One decision.</summary>
    public async Task<Decision> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT body, ledger_index FROM decisions WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : throw new NotFoundException($"decision {id} does not exist");
    }

    /// <summary>Decisions in recording order, optionally filtered.</summary>
    public async Task<Page<Decision>> ListAsync(string? subjectKind, string? subjectId, string? type, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder("SELECT body, ledger_index FROM decisions WHERE id > @after");
        command.With("@after", Cursor.Decode(cursor) ?? "");
        if (subjectKind is not null) { sql.Append(" AND subject_kind = @sk"); command.With("@sk", subjectKind); }
        if (subjectId is not null) { sql.Append(" AND subject_id = @sid"); command.With("@sid", subjectId); }
        if (type is not null) { sql.Append(" AND type = @type"); command.With("@type", type); }
        command.CommandText = sql.Append(" ORDER BY id LIMIT @limit").ToString();
        command.With("@limit", take + 1);
        var items = new List<Decision>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
        }
        return Pages.Cut(items, take, d => d.Id);
    }

    private static async Task EnsureSupersedableAsync(DbConnection connection, string id, Subject subject, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT subject_kind, subject_id FROM decisions WHERE id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            throw new ValidationFailedException("supersedes", $"decision {id} does not exist");
        if (reader.GetString(0) != subject.Kind || reader.GetString(1) != subject.Id)
            throw new ValidationFailedException("supersedes", $"decision {id} is about another subject");
    }

    private static async Task<DecisionSignature> VerifySignatureAsync(DbConnection connection, Actor actor, string keyId, DecisionRequest request, CancellationToken ct)
    {
        var key = await ActorKeyStore.FindAsync(connection, null, keyId, ct).ConfigureAwait(false)
            ?? throw new ValidationFailedException("signature.key_id", $"key {keyId} is not registered");
        if (key.ActorId != actor.Id)
            throw new ValidationFailedException("signature.key_id", $"key {keyId} belongs to another actor");
        if (key.RevokedAt is not null)
            throw new ValidationFailedException("signature.key_id", $"key {keyId} was revoked");
        var (_, der, _) = PublicKeys.Parse(key.PublicKey);
        var payload = CanonicalJson.Serialize(request.SignedPayload);
        if (request.Signature is null || !PublicKeys.Verify(key.Alg, der, payload, request.Signature))
            throw new ValidationFailedException("signature.sig", "does not verify over the canonical payload with the registered key");
        return new DecisionSignature(keyId, key.Alg, Convert.ToBase64String(request.Signature));
    }

    private async Task RefuseAsync(Actor actor, DecisionRequest request, string reason, CancellationToken ct)
    {
        var data = new JsonObject { ["type"] = request.Type, ["outcome"] = request.Outcome, ["reason"] = reason };
        await ledger.AppendAsync(events.Create("decision.refused", request.Subject, actor, data), null, ct).ConfigureAwait(false);
        throw new ForbiddenException(reason);
    }

    private static Decision Read(DbDataReader reader) =>
        (JsonSerializer.Deserialize<Decision>(Encoding.UTF8.GetBytes(reader.GetString(0)), GovernanceJson.Options)
            ?? throw new InvalidOperationException("empty decision body")) with { LedgerIndex = reader.GetInt64(1) };
}
