using Steward.Policy.Evaluation;

namespace Steward.Policy;

/// <summary>A query parsed and compiled against a <see cref="CompiledPolicy"/>; thread-safe and reusable.</summary>
public sealed class PreparedQuery
{
    private readonly CompiledQuery _query;

    internal PreparedQuery(CompiledPolicy policy, CompiledQuery query, string text)
    {
        Policy = policy;
        _query = query;
        Text = text;
    }

    /// <summary>The policy the query runs against.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>The query text.</summary>
    public string Text { get; }

    /// <summary>Evaluates the query.</summary>
    /// <param name="options">Input, data and limits.</param>
    /// <returns>The solutions in order; empty when the query is undefined.</returns>
    /// <exception cref="RegoEvalException">Evaluation failed (conflict, strict built-in error, time limit).</exception>
    public IReadOnlyList<QueryResult> Evaluate(EvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Evaluator.Run(Policy, _query, options);
    }

    /// <summary>The value of the query's first expression in its first solution, or null when undefined.</summary>
    internal Values.Value? EvaluateFirst(EvalOptions options) => Evaluator.RunFirst(Policy, _query, options);
}
