using Steward.Policy.Values;

namespace Steward.Policy;

/// <summary>One solution of a query: the values of its variables and of each of its expressions.</summary>
/// <param name="Bindings">The query's named variables (not <c>_</c> or generated ones) and their values.</param>
/// <param name="Expressions">The value of each expression of the query in order (a term's value; <c>true</c> for other expressions).</param>
public sealed record QueryResult(IReadOnlyDictionary<string, Value> Bindings, IReadOnlyList<Value> Expressions);
