using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>
/// Decides a policy for an input. Implementations never throw for a failed decision: a time limit, an engine error or
/// an unreachable engine is a denial with <see cref="PolicyDecision.Error"/> set (fail closed).
/// </summary>
public interface IPolicyDecisionPoint
{
    /// <summary>Decides the policy at a path for an input.</summary>
    /// <param name="path">The policy package, e.g. <c>data.ai_policy</c>.</param>
    /// <param name="input">The input document.</param>
    /// <param name="cancellationToken">Cancels the decision (the result is then a denial with an error).</param>
    /// <returns>The decision.</returns>
    ValueTask<PolicyDecision> DecideAsync(PolicyPath path, Value input, CancellationToken cancellationToken = default);
}
