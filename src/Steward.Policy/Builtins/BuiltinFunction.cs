using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// A built-in function: returns its value, or null when the call is undefined. Throw
/// <see cref="BuiltinException"/> for a failure and <see cref="OperandTypeException"/> for an operand of the wrong type.
/// </summary>
/// <param name="context">The evaluation's context (clock, cancellation, per-query cache).</param>
/// <param name="arguments">The evaluated arguments.</param>
/// <returns>The result, or null for undefined.</returns>
public delegate Value? BuiltinFunction(BuiltinContext context, ReadOnlySpan<Value> arguments);

/// <summary>A built-in relation that produces any number of values (such as <c>walk</c>).</summary>
/// <param name="context">The evaluation's context.</param>
/// <param name="arguments">The evaluated arguments.</param>
/// <returns>The values, in order.</returns>
public delegate IEnumerable<Value> BuiltinRelation(BuiltinContext context, Value[] arguments);
