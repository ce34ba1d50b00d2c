using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Server.Policies;

/// <summary>The answer to one evaluation: a result (null = undefined) or an error, never both.</summary>
/// <param name="DecisionId">The decision id, also in the decision log.</param>
/// <param name="Result">The value, or null when undefined or failed.</param>
/// <param name="Error">Why evaluation failed, or null.</param>
internal sealed record PolicyEvaluation(string DecisionId, Value? Result, RegoError? Error);
