using System.Text.Json;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Drift;

public sealed class FairnessCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Data(string content)
    {
        var path = _temp.File("data.csv");
        File.WriteAllText(path, content);
        return path;
    }

    // Group A: (y, ŷ) = (1,1), (1,0), (0,1), (0,0); group B: (1,1), (1,1), (0,0), (0,0), (0,1).
    private const string Example = "y,pred,group\n1,1,A\n1,0,A\n0,1,A\n0,0,A\n1,1.0,B\n1,1,B\n0,0,B\n0,0,B\n0,1,B\n";

    [Fact]
    public async Task PrintsAndWritesTheMetrics()
    {
        var json = _temp.File("fair.json");
        var run = await CliRun.RunAsync(["drift", "fairness", "--data", Data(Example), "--label", "y", "--prediction", "pred", "--sensitive", "group", "--privileged", "B", "--json", json]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("demographic parity difference: 0.1,", run.Out, StringComparison.Ordinal);
        Assert.Contains("four-fifths rule passes", run.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.Equal(0.6, root.GetProperty("groups").GetProperty("B").GetProperty("selection_rate").GetDouble(), 12);
        Assert.Equal(0.5, root.GetProperty("equalized_odds_difference").GetDouble(), 12);
        Assert.Equal(-0.5, root.GetProperty("privileged").GetProperty("equal_opportunity_difference").GetDouble(), 12);
    }

    [Theory]
    [InlineData("y,pred,group\n1,1,A\n1,,B\n", "line 3, column 'pred': the value is missing")]
    [InlineData("y,pred,grp\n1,1,A\n", "column 'group' is not in")]
    public async Task BadData_FailsWithOneLine(string content, string expected)
    {
        var run = await CliRun.RunAsync(["drift", "fairness", "--data", Data(content), "--label", "y", "--prediction", "pred", "--sensitive", "group"]);
        run.AssertOneErrorLine(expected);
    }

    [Fact]
    public async Task UnknownPrivilegedValue_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync(["drift", "fairness", "--data", Data(Example), "--label", "y", "--prediction", "pred", "--sensitive", "group", "--privileged", "Z"]);
        run.AssertOneErrorLine("the privileged value 'Z' does not occur in 'group'");
    }

    public void Dispose() => _temp.Dispose();
}
