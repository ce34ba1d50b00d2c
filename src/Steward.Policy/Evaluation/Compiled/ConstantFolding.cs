using System.Collections.Frozen;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation.Compiled;

/// <summary>
/// Constant folding: a call of a core built-in that is pure, cheap and total in the size of its arguments,
/// with constant arguments, is evaluated once at compile time. Only OPA's own implementations fold (a host may
/// register another function under the same name), and only when the call succeeds with a value: a built-in
/// error stays a run-time matter (undefined, or an error under strict built-in errors), and <c>with</c>
/// replacing the function still wins (the compiled call defers to the interpreter then).
/// </summary>
internal static class ConstantFolding
{
    private static readonly FrozenSet<string> Foldable = FrozenSet.ToFrozenSet(
    [
        "equal", "neq", "lt", "lte", "gt", "gte", "plus", "minus", "mul", "div", "rem", "abs", "round", "ceil", "floor",
        "and", "or", "count", "concat", "lower", "upper", "trim", "trim_left", "trim_right", "trim_prefix", "trim_suffix",
        "trim_space", "startswith", "endswith", "contains", "indexof", "substring", "replace", "split", "sprintf",
        "format_int", "to_number", "internal.member_2", "internal.member_3", "is_string", "is_number", "is_boolean",
        "is_array", "is_object", "is_set", "is_null", "type_name",
    ], StringComparer.Ordinal);

    /// <summary>The call's value when it folds, else null.</summary>
    public static Value? TryFold(CCall call)
    {
        if (call.Function is not null || call.Builtin is not { Function: { } function } builtin
            || !Foldable.Contains(builtin.Name) || !BuiltinRegistry.Default.TryGet(builtin.Name, out var core)
            || !ReferenceEquals(core, builtin) || !call.Args.All(a => a is CConst))
        {
            return null;
        }

        var args = call.Args.Select(a => ((CConst)a).Value).ToArray();
        try
        {
            return function(new BuiltinContext(TimeProvider.System, CancellationToken.None), args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An error is raised (or not) when the call runs, as OPA does.
            return null;
        }
    }
}
