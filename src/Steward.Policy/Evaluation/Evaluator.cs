namespace Steward.Policy.Evaluation;

/// <summary>Evaluates compiled queries.</summary>
internal static class Evaluator
{
    public static IReadOnlyList<QueryResult> Run(CompiledPolicy policy, CompiledQuery query, EvalOptions options) =>
        throw new NotSupportedException("The evaluator is being written.");
}
