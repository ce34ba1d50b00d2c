using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// What an evaluation produced, as text to compare: every result's bindings and expression values in order, or
/// undefined, or the error's code and message (so conflicts and strict built-in errors must match too).
/// </summary>
internal static class Outcome
{
    public static string Of(Func<IReadOnlyList<QueryResult>> evaluate)
    {
        try
        {
            var results = evaluate();
            var text = new StringBuilder().Append(results.Count).Append(" result(s)");
            foreach (var result in results)
            {
                text.Append("\n  ").Append(ObjectValue.From(result.Bindings).ToJson()).Append(" | ")
                    .Append(string.Join(", ", result.Expressions.Select(e => e.ToJson())));
            }

            return text.ToString();
        }
        catch (RegoEvalException e)
        {
            return $"error {e.Code}: {e.Message}";
        }
    }

    public static string OfValue(Func<Value?> evaluate)
    {
        try
        {
            return evaluate()?.ToJson() ?? "undefined";
        }
        catch (RegoEvalException e)
        {
            return $"error {e.Code}: {e.Message}";
        }
    }
}
