using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Pii;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("[1,", "not valid JSON")]
    [InlineData("{\"full_text\": \"x\"}", "JSON array")]
    [InlineData("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 2, \"end_position\": 7}]}]", "sample 0 has a span [2,7) outside its text")]
    public async Task MalformedDataset_FailsWithOneLine(string content, string expected)
    {
        var path = _temp.File("data.json");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["pii", "evaluate", "--dataset", path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--threshold", "1.5", "--threshold must be between 0 and 1")]
    [InlineData("--min-overlap", "0", "--min-overlap must be greater than 0")]
    [InlineData("--map", "ADDRESS", "--map expects LABEL=TYPE")]
    [InlineData("--errors", "-1", "--errors must not be negative")]
    public async Task BadOptions_FailWithOneLine(string option, string value, string expected)
    {
        var path = _temp.File("data.json");
        await File.WriteAllTextAsync(path, "[]", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["pii", "evaluate", "--dataset", path, option, value]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDataset_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync(["pii", "evaluate", "--dataset", _temp.File("nope.json")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PrintsPerTypeAndOverallScores_AndWritesJson()
    {
        var path = _temp.File("data.json");
        const string text = "card 4532276644577020 and mail to ann@example.org; nothing else";
        await File.WriteAllTextAsync(path, $$"""
            [{"full_text": "{{text}}", "spans": [
              {"entity_type": "CREDIT_CARD", "start_position": 5, "end_position": 21},
              {"entity_type": "EMAIL_ADDRESS", "start_position": 34, "end_position": 49},
              {"entity_type": "PREFIX", "start_position": 0, "end_position": 4}]}]
            """, TestContext.Current.CancellationToken);
        var json = _temp.File("report.json");
        var run = await CliRun.RunAsync(["pii", "evaluate", "--dataset", path, "--json", json]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"CREDIT_CARD\s+1\s+1\s+0\s+0\s+1\.000\s+1\.000\s+1\.000", run.Out);
        Assert.Matches(@"OVERALL\s+2\s+2\s+0\s+0", run.Out);
        Assert.Contains("not scored", run.Out, StringComparison.Ordinal);
        Assert.Contains("TITLE (1)", run.Out, StringComparison.Ordinal);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken))!;
        Assert.Equal(1.0, report["overall"]!["f"]!.GetValue<double>());
    }

    public void Dispose() => _temp.Dispose();
}
