using Steward.Policy.Conformance;

namespace Steward.Policy.Tests.Conformance;

/// <summary>
/// Runs OPA's own YAML cases ($STEWARD_CONFORMANCE_DIR/opa) through the engine, unchanged, exactly as
/// <c>steward policy conformance</c> does, and holds the pass rate at its floor.
/// </summary>
public sealed class OpaConformanceTests(ITestOutputHelper output)
{
    /// <summary>The share of cases that must pass (measured: all 369; docs/CONFORMANCE.md lists known differences).</summary>
    private const double Floor = 0.95;

    [Fact]
    public void OpaCases_ReachThePassRateFloor()
    {
        ConformanceData.RequireOrSkip("opa");
        var results = OpaConformanceRunner.RunDirectory(ConformanceData.PathOf("opa"));
        var passed = results.Count(r => r.Passed);
        foreach (var failure in results.Where(r => !r.Passed))
        {
            output.WriteLine($"FAIL {failure.File}: {failure.Note}: {failure.Reason}");
        }

        output.WriteLine($"{passed} passed, {results.Count - passed} failed");
        Assert.True(results.Count >= 300, $"only {results.Count} cases found");
        Assert.True(passed >= Floor * results.Count, $"{passed}/{results.Count} passed, below the floor of {Floor:P0}");
    }
}
