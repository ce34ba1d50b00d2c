using System.Text.Json;
using Steward.Cli.Commands.Pii;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Pii;

public sealed class ScanCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    static ScanCommandTests() => TestPiiEngine.Use();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Scan_PrintsTheReportAndExitsTwoWhenTheVerdictFails()
    {
        var csv = _dir.File("people.csv");
        await File.WriteAllTextAsync(csv, "name,notes\nAnn,ssn 123-45-6789\nBob,bob@mail.com\n", TestContext.Current.CancellationToken);
        var jsonPath = _dir.File("report.json");
        var redacted = _dir.File("clean.csv");
        var run = await CliRun.RunAsync(["pii", "scan", csv, "--json", jsonPath, "--redact-to", redacted]);

        Assert.Equal(ScanCommand.VerdictFailed, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("notes   2      US_SSN", run.Out, StringComparison.Ordinal);
        Assert.Contains("notes US_SSN row 1: ssn <US_SSN>", run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict:  FAIL", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", run.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(jsonPath, TestContext.Current.CancellationToken));
        Assert.False(report.RootElement.GetProperty("verdict").GetProperty("passed").GetBoolean());
        Assert.Equal("name,notes\nAnn,ssn <US_SSN>\nBob,<EMAIL_ADDRESS>\n", await File.ReadAllTextAsync(redacted, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Scan_ExitsZeroWhenTheRuleAllowsWhatWasFound()
    {
        var csv = _dir.File("p.csv");
        await File.WriteAllTextAsync(csv, "notes\nssn 123-45-6789\n", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["pii", "scan", csv, "--fail-on", "EMAIL_ADDRESS"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("verdict:  PASS", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRun.RunAsync(["pii", "scan", csv, "--max-rows-per-column", "1"])).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["pii", "scan", csv, "--min-score", "0.9"])).ExitCode);
    }

    [Fact]
    public async Task Scan_BadInputIsOneErrorLine()
    {
        var csv = _dir.File("p.csv");
        await File.WriteAllTextAsync(csv, "a\n1\n", TestContext.Current.CancellationToken);
        (await CliRun.RunAsync(["pii", "scan", _dir.File("missing.csv")])).AssertOneErrorLine("does not exist");
        (await CliRun.RunAsync(["pii", "scan", csv, "--fail-on", "NOPE"])).AssertOneErrorLine("cannot fail on NOPE");
        (await CliRun.RunAsync(["pii", "scan", csv, "--columns", "zz"])).AssertOneErrorLine("column 'zz' is not in the header");
        (await CliRun.RunAsync(["pii", "scan", csv, "--min-score", "3"])).AssertOneErrorLine("--min-score must be between 0 and 1");
        (await CliRun.RunAsync(["pii", "scan", csv, "--format", "xml"])).AssertOneErrorLine("xml");
        var data = _dir.File("p.data");
        await File.WriteAllTextAsync(data, "a\n1\n", TestContext.Current.CancellationToken);
        (await CliRun.RunAsync(["pii", "scan", data])).AssertOneErrorLine("cannot tell the format");
        (await CliRun.RunAsync(["pii", "scan", csv, "--redact-to", _dir.File("no/such/dir/x.csv")])).AssertOneErrorLine("does not exist");
    }
}
