using System.Data.Common;
using System.Text.Json.Nodes;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// One part of a system's governance state as gate policies see it. The gate input holds each source's
/// facts under <c>input.&lt;Name&gt;</c> (for example <c>input.assessments</c>, <c>input.findings</c>,
/// <c>input.tickets</c>). Sources read inside the caller's transaction, so a gate decides on one
/// consistent state; they must not write.
/// </summary>
public interface IGateFactsSource
{
    /// <summary>The key under <c>input</c>: lower snake case, unique among sources.</summary>
    string Name { get; }

    /// <summary>The facts about one system (usually an array of objects with snake_case fields).</summary>
    Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken);

    /// <summary>
    /// The same facts as policy values, which is what the gate reads. The default converts <see cref="CollectAsync"/>'s
    /// answer; a source with many rows can build the values directly (for example from JSON text) and skip the nodes.
    /// </summary>
    async Task<Steward.Policy.Values.Value> CollectValueAsync(DbConnection connection, DbTransaction? transaction, string systemId,
        CancellationToken cancellationToken) =>
        JsonFacts.ToValue(await CollectAsync(connection, transaction, systemId, cancellationToken).ConfigureAwait(false));
}
