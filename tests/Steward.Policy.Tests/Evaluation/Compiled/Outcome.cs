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

    /// <summary>
    /// Evaluates <c>data.test.r</c> of <c>package test</c> with <paramref name="rules"/>, compiled and interpreted,
    /// with strict built-in errors: both must give the same outcome, and it must be <paramref name="expected"/>
    /// (a JSON value, <c>undefined</c>, or <c>CODE … END OF MESSAGE</c> for an error, the location in front being
    /// the interpreter's too).
    /// </summary>
    public static void AssertRuleR(string rules, Value input, string expected)
    {
        var module = "package test\n\n" + rules + "\n";
        Value? Evaluate(bool interpreted) =>
            CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted)
                .EvaluateData(["test", "r"], new EvalOptions { Input = input, StrictBuiltinErrors = true });
        var compiled = OfValue(() => Evaluate(interpreted: false));
        Assert.Equal(OfValue(() => Evaluate(interpreted: true)), compiled);
        if (expected.Split(" … ") is [var code, var message])
        {
            Assert.StartsWith(code, compiled, StringComparison.Ordinal);
            Assert.Contains(message, compiled, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, compiled);
        }
    }
}
