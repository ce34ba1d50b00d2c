using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>
/// Decides with a <see cref="CompiledPolicy"/> in this process. Evaluation runs on the caller's thread under the
/// time limit; a limit reached, an evaluation error or any other failure is a denial with the reason (fail closed).
/// </summary>
public sealed class EmbeddedDecisionPoint : IPolicyDecisionPoint
{
    private readonly CompiledPolicy _policy;
    private readonly EmbeddedDecisionOptions _options;

    /// <summary>Creates the decision point.</summary>
    /// <param name="policy">The compiled policy.</param>
    /// <param name="options">Data and limits; null for the defaults.</param>
    public EmbeddedDecisionPoint(CompiledPolicy policy, EmbeddedDecisionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _options = options ?? new EmbeddedDecisionOptions();
        if (_options.Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "The time limit must be positive.");
        if (_options.Data is not null and not ObjectValue)
            throw new ArgumentException("The data document must be an object.", nameof(options));
        _policy = policy;
    }

    /// <inheritdoc/>
    public ValueTask<PolicyDecision> DecideAsync(PolicyPath path, Value input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(input);
        var time = _options.Time;
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        var started = time.GetTimestamp();
        Value? result = null;
        PolicyDecisionError? error = null;
        try
        {
            result = _policy.EvaluateData(path.Segments, new EvalOptions
            {
                Input = input,
                Data = _options.Data,
                Timeout = _options.Timeout,
                Time = time,
                CancellationToken = cancellationToken,
            });
        }
        catch (RegoEvalException ex) when (ex.Code == ErrorCodes.EvalCancel && !cancellationToken.IsCancellationRequested)
        {
            error = new PolicyDecisionError(DecisionErrorCodes.Timeout, $"{path} took longer than {_options.Timeout.TotalMilliseconds:0.###} ms");
        }
        catch (RegoEvalException ex)
        {
            error = new PolicyDecisionError(ex.Code, ex.Error.Message);
        }
#pragma warning disable CA1031 // Fail closed: whatever goes wrong in the engine is a denial, never a pass.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = new PolicyDecisionError(DecisionErrorCodes.EngineError, $"{ex.GetType().Name}: {ex.Message}");
        }

        var duration = time.GetElapsedTime(started);
        if (error is not null)
            return ValueTask.FromResult(new PolicyDecision(id, path, false, [error.ToString()], null, duration, error));
        var (allowed, deny, convention) = DecisionConvention.Interpret(path, result);
        return ValueTask.FromResult(new PolicyDecision(id, path, allowed, deny, result, duration, convention));
    }
}
