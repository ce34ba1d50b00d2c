using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance.Policies;

/// <summary>
/// Data documents stored by path under <c>data</c>, every version kept. Each write or deletion is a ledger entry
/// (<c>policy.data.put</c>, <c>policy.data.deleted</c>: path, version, digest). The document the policies see is
/// rebuilt by applying the latest version of each path in ledger order, which gives OPA's semantics: a write at
/// <c>a</c> replaces everything below it, a later write at <c>a/b</c> changes only that part.
/// </summary>
public sealed class PolicyDataStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    /// <summary>Deepest nesting accepted in a data document.</summary>
    public const int MaxDepth = 64;

    /// <summary>Writes the document at a path (segments below <c>data</c>; empty for the root, which must be an object).</summary>
    public async Task<PolicyDataDocument> PutAsync(Actor actor, IReadOnlyList<string> path, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, null, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new ValidationFailedException("body", $"is not valid JSON ({e.Message})");
        }
        if (path.Count == 0 && node is not JsonObject) throw new ValidationFailedException("body", "the root data document must be a JSON object");
        var text = node?.ToJsonString() ?? "null";
        return await WriteAsync(actor, path, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the document at a path (its history stays).</summary>
    public async Task<PolicyDataDocument> DeleteAsync(Actor actor, IReadOnlyList<string> path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = string.Join('/', path);
        var latest = (await LatestAsync(cancellationToken).ConfigureAwait(false)).LastOrDefault(d => d.Path == key);
        if (latest is null || latest.Deleted) throw new NotFoundException($"no data document is stored at /{key}");
        return await WriteAsync(actor, path, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest version of each path (deletions included), in ledger order.</summary>
    public async Task<IReadOnlyList<PolicyDataDocument>> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await PolicyQueries.LatestDataAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PolicyDataDocument> WriteAsync(Actor actor, IReadOnlyList<string> path, string? json, CancellationToken ct)
    {
        var key = string.Join('/', path);
        var sha = json is null ? "" : PolicyChecks.Sha256(json);
        var type = json is null ? "policy.data.deleted" : "policy.data.put";
        return await PolicyModuleStore.WithRetryAsync(async () =>
        {
            long version;
            await using (var connection = await db.OpenAsync(ct).ConfigureAwait(false))
            {
                version = await PolicyQueries.MaxVersionAsync(connection, null, "policy_data", "path", key, ct).ConfigureAwait(false) + 1;
            }
            var data = new JsonObject { ["path"] = "/" + key, ["version"] = version, ["sha256"] = sha };
            var evt = events.Create(type, new Subject("policy_data", "/" + key), actor, data);
            var index = await ledger.AppendAsync(evt, async (connection, tx, idx, c) =>
            {
                if (await PolicyQueries.MaxVersionAsync(connection, tx, "policy_data", "path", key, c).ConfigureAwait(false) != version - 1)
                    throw new StaleVersionException();
                await using var insert = connection.Command(
                    $"INSERT INTO policy_data ({PolicyQueries.DataColumns}) VALUES (@p, @v, @body, @sha, @del, @by, @at, @idx)", tx)
                    .With("@p", key).With("@v", version).With("@body", json).With("@sha", sha).With("@del", json is null ? 1 : 0)
                    .With("@by", actor.Id).With("@at", Timestamps.Format(evt.Time)).With("@idx", idx);
                await insert.ExecuteNonQueryAsync(c).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            return new PolicyDataDocument(key, version, json, sha, json is null, actor.Id, evt.Time, index);
        }).ConfigureAwait(false);
    }
}
