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

    public void Dispose() => _temp.Dispose();
}
