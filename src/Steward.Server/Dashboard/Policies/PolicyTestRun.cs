using System.Diagnostics;
using Steward.Policy;
using Steward.Server.Policies;

namespace Steward.Server.Dashboard.Policies;

/// <summary>The outcome of one <c>test_</c> rule of the stored policies.</summary>
internal sealed record PolicyTestResult(string Name, string Outcome, double Milliseconds, string? Error);

/// <summary>Runs the <c>test_</c> rules of the current policies (as <c>steward policy test</c> does), each under a time limit.</summary>
internal static class PolicyTestRun
{
    public const int MaxTests = 200;
    private static readonly TimeSpan PerTest = TimeSpan.FromMilliseconds(250);

    public static IReadOnlyList<PolicyTestResult> Run(PolicyState state, TimeProvider time, CancellationToken cancellationToken)
    {
        if (state.Policy is not { } policy) return [];
        var results = new List<PolicyTestResult>();
        foreach (var name in policy.RulesNamed("test_").Take(MaxTests))
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var answer = policy.Prepare(name).Evaluate(new EvalOptions { Data = state.Data, Timeout = PerTest, Time = time, CancellationToken = cancellationToken });
                results.Add(new(name, answer.Count > 0 && answer[0].Expressions[0].IsTrue ? "PASS" : "FAIL", watch.Elapsed.TotalMilliseconds, null));
            }
            catch (Exception e) when (e is RegoEvalException or RegoCompileException)
            {
                results.Add(new(name, "ERROR", watch.Elapsed.TotalMilliseconds, e.Message));
            }
        }
        return results;
    }
}
