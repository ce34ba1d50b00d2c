using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>A data-constant rule's value shared between queries, with the order its entries were produced in.</summary>
/// <param name="Value">The value, or the evaluator's undefined marker.</param>
/// <param name="Order">For multi-value rules, the top-level keys in production order; otherwise null.</param>
internal sealed record SharedValue(Value Value, IReadOnlyList<Value>? Order);
