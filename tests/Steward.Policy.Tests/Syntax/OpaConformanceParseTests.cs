
namespace Steward.Policy.Tests.Syntax;

/// <summary>
/// Parses every module and query of OPA's own YAML cases ($STEWARD_CONFORMANCE_DIR/opa): cases expecting
/// <c>rego_parse_error</c> must fail to parse, all others must parse. Files are enumerated from the folder.
/// </summary>
public sealed class OpaConformanceParseTests(ITestOutputHelper output)
{
    /// <summary>Share of modules, queries and error cases of one file that must behave as expected (measured: all).</summary>
    private const double FileFloor = 1.0;

    /// <summary>Share over all files together that must behave as expected (measured: all).</summary>
    private const double TotalFloor = 1.0;

    public static TheoryData<string> Files => ConformanceData.FilesUnder("opa", "*.yaml");

    [Theory]
    [MemberData(nameof(Files))]
    public void CaseFile_ParsesAsOpaDoes(string file)
    {
        ConformanceData.RequireOrSkip("opa");
        var outcome = new ParseOutcome();
        outcome.Run(ConformanceData.PathOf("opa", file), file);
        Report(outcome);
        Assert.True(outcome.AsExpected >= FileFloor * outcome.Total,
            $"{outcome.AsExpected}/{outcome.Total} as expected in {file}:\n{string.Join('\n', outcome.Failures)}");
    }

    [Fact]
    public void AllCaseFiles_ReachThePassRateFloor()
    {
        ConformanceData.RequireOrSkip("opa");
        var outcome = new ParseOutcome();
        string root = ConformanceData.PathOf("opa");
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            outcome.Run(file, Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        Report(outcome);
        Assert.True(outcome.Total > 0, "no OPA cases found under " + root);
        Assert.True(outcome.AsExpected >= TotalFloor * outcome.Total,
            $"{outcome.AsExpected}/{outcome.Total} as expected:\n{string.Join('\n', outcome.Failures)}");
    }

    private void Report(ParseOutcome outcome)
    {
        output.WriteLine($"modules parsed: {outcome.ModulesAsExpected}/{outcome.Modules}");
        output.WriteLine($"queries parsed: {outcome.QueriesAsExpected}/{outcome.Queries}");
        output.WriteLine($"rego_parse_error cases rejected: {outcome.ErrorCasesAsExpected}/{outcome.ErrorCases}");
        foreach (var failure in outcome.Failures)
        {
            output.WriteLine("FAIL " + failure);
        }
    }
}
