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
}
