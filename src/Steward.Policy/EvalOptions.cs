using Steward.Policy.Values;

namespace Steward.Policy;

/// <summary>The documents and limits of one evaluation.</summary>
public sealed record EvalOptions
{
    /// <summary>The <c>input</c> document, or null when there is none (refs to <c>input</c> are then undefined).</summary>
    public Value? Input { get; init; }

    /// <summary>The base documents under <c>data</c> (an object), or null for none.</summary>
    public Value? Data { get; init; }

    /// <summary>The time limit; past it evaluation stops with <c>eval_cancel_error</c>. Null means none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Whether built-in errors stop evaluation (OPA's <c>--strict-builtin-errors</c>) instead of making the call undefined.</summary>
    public bool StrictBuiltinErrors { get; init; }

    /// <summary>The clock behind <c>time.now_ns</c> and the time limit.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cancels evaluation (it then stops with <c>eval_cancel_error</c>).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives the output of <c>print</c> calls, or null to drop it.</summary>
    public Action<string>? Print { get; init; }
}
