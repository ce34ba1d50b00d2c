using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Storage;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// <c>input.decisions</c>: the decisions recorded about the system, oldest first:
/// <c>{id, type, outcome, actor, recorded_at, supersedes}</c> (ids are UUIDv7, so they sort by time).
/// </summary>
internal sealed class DecisionGateFacts : IGateFactsSource
{
    public string Name => "decisions";

    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT id, type, outcome, actor_id, recorded_at, supersedes FROM decisions WHERE subject_kind = 'system' AND subject_id = @id ORDER BY id",
            transaction).With("@id", systemId);
        var list = new JsonArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new JsonObject
            {
                ["id"] = reader.GetString(0),
                ["type"] = reader.GetString(1),
                ["outcome"] = reader.GetString(2),
                ["actor"] = reader.GetString(3),
                ["recorded_at"] = reader.GetString(4),
                ["supersedes"] = reader.IsDBNull(5) ? null : reader.GetString(5),
            });
        }
        return list;
    }
}
