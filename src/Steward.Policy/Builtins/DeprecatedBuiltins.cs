namespace Steward.Policy.Builtins;

/// <summary>
/// Built-ins OPA deprecated before 1.0 and does not provide to Rego v1 (its capabilities list them as deprecated):
/// calling one is a compile error with OPA's own wording rather than "undefined function".
/// </summary>
internal static class DeprecatedBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "all", "any", "cast_array", "cast_boolean", "cast_null", "cast_object", "cast_set", "cast_string",
        "net.cidr_overlap", "re_match", "set_diff",
    };

    /// <summary>The <c>rego_type_error</c> message for a call of a function no registry knows.</summary>
    /// <param name="name">The dotted name.</param>
    /// <returns>OPA's message.</returns>
    public static string UnknownFunctionMessage(string name) =>
        Names.Contains(name) ? $"deprecated built-in function calls in expression: {name}" : $"undefined function {name}";
}
