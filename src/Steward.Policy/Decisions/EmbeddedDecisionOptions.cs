using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>Options of <see cref="EmbeddedDecisionPoint"/>.</summary>
public sealed record EmbeddedDecisionOptions
{
    /// <summary>The base documents under <c>data</c> (an object), or null for none.</summary>
    public Value? Data { get; init; }

    /// <summary>The time limit of one decision; past it the decision denies. Default 50 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The clock (decision ids, durations, <c>time.now_ns</c>). Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
