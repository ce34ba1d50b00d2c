using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.PiiScans;

/// <summary>
/// <c>input.pii_scans</c>: per dataset of the system, its newest completed PII scan:
/// <c>{dataset_id, dataset_name, registered_sha256, scan_id, verdict, scanned_sha256, current, clean, completed_at, fail_on}</c>;
/// <c>scan_id</c> and <c>verdict</c> are null when the dataset was never scanned; <c>current</c> is true when the scan
/// was of the dataset's registered digest, <c>clean</c> when it is current and passed.
/// </summary>
internal sealed class PiiScanGateFacts : IGateFactsSource
{
    public string Name => "pii_scans";

    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        await using var command = connection.Command(
            "SELECT d.id, d.name, d.sha256, s.id, s.verdict, s.dataset_sha256, s.completed_at, s.rule FROM datasets d " +
            "LEFT JOIN pii_scans s ON s.dataset_id = d.id AND s.status = 'completed' WHERE d.system_id = @id ORDER BY d.id, s.id", transaction)
            .With("@id", systemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var datasetId = reader.GetString(0);
            if (!latest.ContainsKey(datasetId)) order.Add(datasetId);
            var registered = reader.StringOrNull(2);
            var scanned = reader.StringOrNull(5);
            var verdict = reader.StringOrNull(4);
            var current = scanned is not null && string.Equals(scanned, registered, StringComparison.OrdinalIgnoreCase);
            latest[datasetId] = new JsonObject // rows come oldest scan first, so the last one wins
            {
                ["dataset_id"] = datasetId, ["dataset_name"] = reader.GetString(1), ["registered_sha256"] = registered,
                ["scan_id"] = reader.StringOrNull(3), ["verdict"] = verdict, ["scanned_sha256"] = scanned,
                ["current"] = current, ["clean"] = current && verdict == "pass", ["completed_at"] = reader.StringOrNull(6),
                ["fail_on"] = reader.StringOrNull(7) is { } rule ? JsonNode.Parse(rule)?["fail_on"]?.DeepClone() : null,
            };
        }
        return new JsonArray([.. order.Select(id => (JsonNode)latest[id])]);
    }
}
