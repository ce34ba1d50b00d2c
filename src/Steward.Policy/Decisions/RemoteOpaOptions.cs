namespace Steward.Policy.Decisions;

/// <summary>Options of <see cref="RemoteOpaDecisionPoint"/>.</summary>
public sealed record RemoteOpaOptions
{
    /// <summary>The OPA server, e.g. <c>http://127.0.0.1:8181</c>; decisions go to <c>{url}/v1/data/{path}</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The time limit of one decision, round trip included. Default 250 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The largest answer read; a larger one denies. Default 4 MiB.</summary>
    public int MaxResponseBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The clock (decision ids, durations, the time limit). Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
