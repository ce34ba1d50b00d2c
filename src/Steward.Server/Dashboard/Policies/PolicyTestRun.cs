using System.Diagnostics;
using System.Runtime.CompilerServices;
using Steward.Policy;
using Steward.Server.Policies;

namespace Steward.Server.Dashboard.Policies;

/// <summary>The outcome of one <c>test_</c> rule of the stored policies (<c>SKIPPED</c> when the page's time budget ran out).</summary>
internal sealed record PolicyTestResult(string Name, string Outcome, double Milliseconds, string? Error);

/// <summary>
/// Runs the <c>test_</c> rules of the current policies (as <c>steward policy test</c> does), each under a time limit and
/// all within a budget, once per policy revision: the results are kept with the compiled state, so viewing the page
/// again costs nothing until the policies or data change.
/// </summary>
internal static class PolicyTestRun
{
    public const int MaxTests = 200;
    private static readonly TimeSpan PerTest = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly ConditionalWeakTable<PolicyState, IReadOnlyList<PolicyTestResult>> Cache = [];

    public static IReadOnlyList<PolicyTestResult> Run(PolicyState state, TimeProvider time) =>
        Cache.GetValue(state, s => RunAll(s, time));

    private static IReadOnlyList<PolicyTestResult> RunAll(PolicyState state, TimeProvider time)
    {
        if (state.Policy is not { } policy) return [];
        var results = new List<PolicyTestResult>();
        var total = Stopwatch.StartNew();
        foreach (var name in policy.RulesNamed("test_").Take(MaxTests))
        {
            if (total.Elapsed > Budget)
            {
                results.Add(new(name, "SKIPPED", 0, $"not run: the tests took longer than {Budget.TotalSeconds:0} s in all"));
                continue;
            }
            var watch = Stopwatch.StartNew();
            try
            {
                var answer = policy.Prepare(name).Evaluate(new EvalOptions { Data = state.Data, Timeout = PerTest, Time = time });
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
