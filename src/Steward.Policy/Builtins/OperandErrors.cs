using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>OPA's operand error messages beyond the plain type mismatch.</summary>
internal static class OperandErrors
{
    /// <summary><c>operand N must be one of {a, b} but got T</c>.</summary>
    public static OperandTypeException Type(int position, Value actual, params string[] expected) =>
        expected.Length == 1
            ? new OperandTypeException(position, expected[0], actual)
            : new OperandTypeException(position, "one of {" + string.Join(", ", expected) + "}", actual);

    /// <summary><c>operand N must be array of numbers but got array containing string</c>.</summary>
    public static OperandTypeException Element(int position, Value composite, Value element, string expected) =>
        new($"operand {position} must be {composite.TypeName} of {expected}s but got {composite.TypeName} containing {element.TypeName}");

    /// <summary><c>operand N must be one of {2, 8}</c>.</summary>
    public static OperandTypeException Enum(int position, params string[] expected) =>
        new(expected.Length == 1
            ? $"operand {position} must be {expected[0]}"
            : $"operand {position} must be one of {{{string.Join(", ", expected)}}}");

    /// <summary><c>operand N</c> followed by a free-form complaint.</summary>
    public static OperandTypeException Other(int position, string complaint) => new($"operand {position} {complaint}");
}
