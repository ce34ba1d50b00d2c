using System.Text.Json.Nodes;

namespace Steward.Client;

/// <summary>The answer of an evaluation (<c>/v1/data/{path}</c>).</summary>
/// <param name="Result">The document (absent when undefined).</param>
/// <param name="DecisionId">The decision id in the decision log (absent when undefined).</param>
public sealed record PolicyResult(JsonNode? Result, string? DecisionId)
{
    /// <summary>Whether the document was defined.</summary>
    public bool Defined => Result is not null || DecisionId is not null;
}
