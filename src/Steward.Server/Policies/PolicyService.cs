using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Steward.Governance.Events;
using Steward.Governance.Policies;
using Steward.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Server.Policies;

/// <summary>
/// Keeps the current compiled policy and data document and evaluates against them. Every server process over one
/// database compares the stored revision (the ledger index of the latest policy change) at most every
/// <see cref="PolicyOptions.VersionCheckIntervalMs"/> and recompiles when it moved; writes through this process
/// reload at once. Evaluation runs under a time limit and fails closed: an error is an answer without a result.
/// Every evaluation is written to the decision log before the answer.
/// </summary>
internal sealed partial class PolicyService(
    PolicySnapshotReader reader, DecisionLogStore log, IOptions<PolicyOptions> options, TimeProvider time, ILogger<PolicyService> logger,
    BuiltinRegistry? builtins = null)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private PolicyState? _state;
    private long _checkedAt = long.MinValue;

    /// <summary>The current state, reloaded when the stored revision moved.</summary>
    public async ValueTask<PolicyState> CurrentAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state is not null && !CheckDue()) return state;
        await _reload.WaitAsync(cancellationToken);
        try
        {
            state = _state;
            if (state is not null && !CheckDue()) return state;
            var revision = await reader.RevisionAsync(cancellationToken);
            if (state is null || state.Revision != revision)
            {
                state = Build(await reader.LoadAsync(cancellationToken));
                Volatile.Write(ref _state, state);
            }
            Volatile.Write(ref _checkedAt, time.GetTimestamp());
            return state;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Makes the next evaluation check the stored revision (after a write through this process).</summary>
    public void Invalidate() => Volatile.Write(ref _checkedAt, long.MinValue);

    /// <summary>Evaluates the document at a path and logs the decision.</summary>
    public async Task<PolicyEvaluation> EvaluateAsync(IReadOnlyList<string> path, JsonNode? input, Actor actor, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var state = await CurrentAsync(cancellationToken);
        var decisionId = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        Value? result = null;
        RegoError? error = null;
        var evalStarted = time.GetTimestamp();
        if (state.Policy is null)
        {
            error = new RegoError("internal_error", "the stored policies do not compile: " + string.Join("; ", state.Errors));
        }
        else
        {
            try
            {
                var timeout = TimeSpan.FromMilliseconds(options.Value.EvalTimeoutMs);
                result = state.Policy.EvaluateData(path, new EvalOptions
                {
                    Input = input is null ? null : ValueJson.Parse(input.ToJsonString(), options.Value.MaxInputDepth + 1),
                    Data = state.Data,
                    Timeout = timeout,
                    Time = time,
                    StrictBuiltinErrors = options.Value.StrictBuiltinErrors,
                    CancellationToken = cancellationToken,
                });
            }
            catch (RegoEvalException e) when (!cancellationToken.IsCancellationRequested)
            {
                error = e.Error;
            }
#pragma warning disable CA1031 // fail closed: whatever the engine throws is an error answer, logged, never a result
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogEngineFailure(logger, e, string.Join('/', path));
                error = new RegoError("internal_error", "evaluation failed unexpectedly; it was logged");
            }
        }
        var evalNs = (long)(time.GetElapsedTime(evalStarted).TotalMilliseconds * 1_000_000);
        var metrics = new JsonObject
        {
            ["timer_rego_query_eval_ns"] = evalNs,
            ["timer_server_handler_ns"] = (long)(time.GetElapsedTime(started).TotalMilliseconds * 1_000_000),
        };
        var labels = new Dictionary<string, string> { ["id"] = "steward", ["revision"] = state.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var entry = new DecisionLogEntry(decisionId, string.Join('/', path), input?.DeepClone(),
            result is null ? null : JsonNode.Parse(ValueJson.Serialize(result)), time.GetUtcNow(), labels, actor.Id, metrics,
            DecisionSource.Server, error?.ToString());
        await log.AppendAsync([entry], CancellationToken.None);
        return new PolicyEvaluation(decisionId, error is null ? result : null, error);
    }

    private bool CheckDue()
    {
        var checkedAt = Volatile.Read(ref _checkedAt);
        return checkedAt == long.MinValue || time.GetElapsedTime(checkedAt).TotalMilliseconds >= options.Value.VersionCheckIntervalMs;
    }

    private PolicyState Build(PolicySnapshot snapshot)
    {
        var data = PolicyDataMerge.Merge(snapshot.Data);
        try
        {
            var policy = PolicyCompilation.Compile(snapshot.Modules.Select(m => new PolicySource(m.Id, m.Raw!)), builtins);
            // Run the evaluator once outside any request, so its first use in a process is not timed with JIT work.
            policy.Prepare("x := 1").Evaluate(new EvalOptions { Data = data, Time = time });
            return new PolicyState(snapshot.Revision, policy, data, snapshot.Modules, []);
        }
        catch (PolicyCompileFailedException e)
        {
            LogCompileFailure(logger, snapshot.Revision, e.Message);
            return new PolicyState(snapshot.Revision, null, data, snapshot.Modules, e.Errors);
        }
#pragma warning disable CA1031 // an engine failure leaves evaluation failing closed, with the reason logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCompileFailure(logger, snapshot.Revision, e.Message);
            return new PolicyState(snapshot.Revision, null, data, snapshot.Modules, [new RegoError("internal_error", e.Message)]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored policies at revision {Revision} do not compile: {Errors}")]
    private static partial void LogCompileFailure(ILogger logger, long revision, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Policy evaluation of {Path} failed unexpectedly")]
    private static partial void LogEngineFailure(ILogger logger, Exception exception, string path);
}
