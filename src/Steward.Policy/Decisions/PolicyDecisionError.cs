namespace Steward.Policy.Decisions;

/// <summary>Why a decision failed (and so denied).</summary>
/// <param name="Code">One of <see cref="DecisionErrorCodes"/>, or the engine's code (e.g. <c>eval_cancel_error</c>).</param>
/// <param name="Message">What happened, fit to show an operator (never holds secrets).</param>
public sealed record PolicyDecisionError(string Code, string Message)
{
    /// <summary>The error as <c>code: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code}: {Message}";
}
