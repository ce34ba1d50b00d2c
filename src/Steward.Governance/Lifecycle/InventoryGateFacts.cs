using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Storage;

namespace Steward.Governance.Lifecycle;

/// <summary><c>input.models</c>: the system's registered models <c>{id, name, framework, uri, created_at}</c>.</summary>
internal sealed class ModelGateFacts : IGateFactsSource
{
    public string Name => "models";

    public Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken) =>
        InventoryRows.ReadAsync(connection, transaction,
            "SELECT id, name, framework, uri, created_at FROM models WHERE system_id = @id ORDER BY id", systemId,
            ["id", "name", "framework", "uri", "created_at"], cancellationToken);
}

/// <summary><c>input.datasets</c>: the system's registered datasets <c>{id, name, uri, sha256, created_at}</c>.</summary>
internal sealed class DatasetGateFacts : IGateFactsSource
{
    public string Name => "datasets";

    public Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken) =>
        InventoryRows.ReadAsync(connection, transaction,
            "SELECT id, name, uri, sha256, created_at FROM datasets WHERE system_id = @id ORDER BY id", systemId,
            ["id", "name", "uri", "sha256", "created_at"], cancellationToken);
}

internal static class InventoryRows
{
    public static async Task<JsonNode> ReadAsync(DbConnection connection, DbTransaction? transaction, string sql, string systemId,
        string[] fields, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction).With("@id", systemId);
        var list = new JsonArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new JsonObject();
            for (var i = 0; i < fields.Length; i++) row[fields[i]] = reader.IsDBNull(i) ? null : reader.GetString(i);
            list.Add(row);
        }
        return list;
    }
}
