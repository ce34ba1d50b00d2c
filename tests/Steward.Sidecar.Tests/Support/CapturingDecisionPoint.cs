using System.Collections.Concurrent;
using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Support;

/// <summary>Allows everything (or denies when told) and keeps every input it was asked about.</summary>
public sealed class CapturingDecisionPoint(Func<Value, bool>? deny = null) : IPolicyDecisionPoint
{
    public ConcurrentQueue<Value> Inputs { get; } = new();

    public ValueTask<PolicyDecision> DecideAsync(PolicyPath path, Value input, CancellationToken cancellationToken = default)
    {
        Inputs.Enqueue(input);
        var denied = deny?.Invoke(input) ?? false;
        return ValueTask.FromResult(new PolicyDecision(Guid.NewGuid().ToString(), path, !denied,
            denied ? ["test_rule: denied by the test"] : [], ObjectValue.Empty, TimeSpan.FromMilliseconds(0.1), null));
    }
}
