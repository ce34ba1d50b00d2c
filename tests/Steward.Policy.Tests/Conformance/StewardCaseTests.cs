using Steward.Policy.Conformance;

namespace Steward.Policy.Tests.Conformance;

/// <summary>
/// Runs Steward's own cases in OPA's case format (<c>Conformance/Cases/*.yaml</c>: built-in edge cases written
/// from OPA's policy reference) through the same runner as OPA's cases, one file per row, and requires all to pass.
/// </summary>
public sealed class StewardCaseTests(ITestOutputHelper output)
{
    private static readonly string CasesDirectory = Path.Combine(AppContext.BaseDirectory, "Conformance", "Cases");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CaseFile_PassesEveryCase(string file)
    {
        var cases = OpaCaseReader.Load(Path.Combine(CasesDirectory, file), file);
        var results = cases.Select(c => OpaConformanceRunner.Run(c, TimeSpan.FromSeconds(10))).ToList();
        foreach (var failure in results.Where(r => !r.Passed))
        {
            output.WriteLine($"FAIL {failure.Note}: {failure.Reason}");
        }

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Note}: {r.Reason}"));
    }
}
