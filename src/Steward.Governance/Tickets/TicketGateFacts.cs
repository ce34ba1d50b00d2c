using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Governance.Tickets;

/// <summary>
/// Gate facts <c>input.tickets</c>: the system's tickets as
/// <c>[{id, key, kind, status, blocking, title, external: {jira_key, servicenow_number}}]</c> in key order.
/// </summary>
public sealed class TicketGateFacts : IGateFactsSource
{
    /// <inheritdoc />
    public string Name => "tickets";

    /// <inheritdoc />
    public async Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var facts = new JsonArray();
        await using var command = connection.Command(TicketRows.Select("WHERE system_id = @sys ORDER BY seq"), transaction).With("@sys", systemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var t = TicketRows.Read(reader);
            facts.Add(new JsonObject
            {
                ["id"] = t.Id, ["key"] = t.Key, ["kind"] = t.Kind, ["status"] = t.Status, ["blocking"] = t.Blocking, ["title"] = t.Title,
                ["external"] = new JsonObject { ["jira_key"] = t.External.JiraKey, ["servicenow_number"] = t.External.ServiceNowNumber },
            });
        }
        return facts;
    }
}
