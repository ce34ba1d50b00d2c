namespace Steward.Policy;

/// <summary>
/// Evaluation stopped with an error, as OPA's would: a conflict (<c>eval_conflict_error</c>), a type or
/// built-in error under strict mode (<c>eval_type_error</c>, <c>eval_builtin_error</c>), a time limit or
/// cancellation (<c>eval_cancel_error</c>).
/// </summary>
public sealed class RegoEvalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The error.</param>
    public RegoEvalException(RegoError error)
        : base(error?.ToString()) => Error = error!;

    /// <summary>Creates the exception.</summary>
    /// <param name="code">OPA's error code.</param>
    /// <param name="message">The message.</param>
    public RegoEvalException(string code, string message)
        : this(new RegoError(code, message))
    {
    }

    /// <summary>The error.</summary>
    public RegoError Error { get; }

    /// <summary>OPA's error code.</summary>
    public string Code => Error.Code;
}
