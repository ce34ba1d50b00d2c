using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>A built-in got an operand of the wrong type (OPA's <c>eval_type_error</c>), e.g. <c>operand 1 must be string but got number</c>.</summary>
public sealed class OperandTypeException : BuiltinException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, without the built-in's name.</param>
    public OperandTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the standard message for an operand.</summary>
    /// <param name="position">The 1-based operand position.</param>
    /// <param name="expected">The expected type, e.g. <c>string</c> or <c>one of {array, set}</c>.</param>
    /// <param name="actual">The value received.</param>
    public OperandTypeException(int position, string expected, Value actual)
        : base($"operand {position} must be {expected} but got {actual?.TypeName}")
    {
    }

    /// <inheritdoc />
    public override string Code => ErrorCodes.EvalType;
}
