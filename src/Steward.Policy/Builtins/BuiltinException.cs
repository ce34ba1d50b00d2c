namespace Steward.Policy.Builtins;

/// <summary>A built-in failed (OPA's <c>eval_builtin_error</c>); under non-strict evaluation the call is undefined instead.</summary>
public class BuiltinException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, without the built-in's name (the evaluator adds it).</param>
    public BuiltinException(string message)
        : base(message)
    {
    }

    /// <summary>OPA's error code.</summary>
    public virtual string Code => ErrorCodes.EvalBuiltin;
}
