using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Policy;

public sealed class TestCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TestCommandTests()
    {
        Directory.CreateDirectory(_temp.File("p/limits"));
        File.WriteAllText(_temp.File("p/ai.rego"), "package ai\n\nallow if input.score >= data.limits.min\n");
        File.WriteAllText(_temp.File("p/limits/data.yaml"), "min: 0.5\n");
        File.WriteAllText(_temp.File("p/ai_test.rego"), """
            package ai_test

            import data.ai

            test_high_is_allowed if ai.allow with input as {"score": 0.9}

            test_low_is_denied if not ai.allow with input as {"score": 0.1}
            """);
    }

    [Fact]
    public async Task AllPass_PrintsSummary_AndExitsZero()
    {
        var run = await CliRun.RunAsync(["policy", "test", _temp.File("p")]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("PASS: 2/2", run.Out.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Verbose_ListsEveryTestByFile()
    {
        var run = await CliRun.RunAsync(["policy", "test", "-v", _temp.File("p")]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{_temp.File("p/ai_test.rego")}:", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"data\.ai_test\.test_high_is_allowed: PASS \(", run.Out);
        Assert.Matches(@"data\.ai_test\.test_low_is_denied: PASS \(", run.Out);
    }

    [Fact]
    public async Task Failure_IsListed_AndExitsOne()
    {
        File.WriteAllText(_temp.File("p/more_test.rego"), "package more_test\n\ntest_wrong if data.ai.allow with input as {\"score\": 0.2}\n\ntest_undefined if data.ai.nothing\n");
        var run = await CliRun.RunAsync(["policy", "test", _temp.File("p")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("data.more_test.test_wrong: FAIL", run.Out, StringComparison.Ordinal);
        Assert.Contains("data.more_test.test_undefined: FAIL", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("test_high_is_allowed", run.Out, StringComparison.Ordinal);
        Assert.Contains("PASS: 2/4", run.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL: 2/4", run.Out, StringComparison.Ordinal);
        run.AssertOneErrorLine("2 of 4 tests did not pass");
    }

    [Fact]
    public async Task ErrorInATest_IsCountedAsError()
    {
        File.WriteAllText(_temp.File("p/err_test.rego"), "package err_test\n\nf(x) := 1 if x > 0\nf(x) := 2 if x > 0\n\ntest_conflict if f(1) == 1\n");
        var run = await CliRun.RunAsync(["policy", "test", _temp.File("p")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("data.err_test.test_conflict: ERROR", run.Out, StringComparison.Ordinal);
        Assert.Contains("ERROR: 1/3", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SelectsTestsByRegex()
    {
        var run = await CliRun.RunAsync(["policy", "test", "--run", "high", _temp.File("p")]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("PASS: 1/1", run.Out.Trim());
        (await CliRun.RunAsync(["policy", "test", "--run", "(", _temp.File("p")])).AssertOneErrorLine("not a regular expression");
    }

    [Fact]
    public async Task Ignore_SkipsFilesAndDirectoriesByName()
    {
        Directory.CreateDirectory(_temp.File("p/extensions"));
        File.WriteAllText(_temp.File("p/extensions/ext.rego"), "package ext\n\nx := unknown.function(1)\n");
        (await CliRun.RunAsync(["policy", "test", _temp.File("p")])).AssertOneErrorLine("rego_type_error");
        var run = await CliRun.RunAsync(["policy", "test", "--ignore", "ext*", _temp.File("p")]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("PASS: 2/2", run.Out.Trim());
        var check = await CliRun.RunAsync(["policy", "check", "--ignore", "extensions", _temp.File("p")]);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public async Task RepositoryPolicies_PassTheirTests()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../policies"));
        Assert.True(Directory.Exists(root), root);
        var run = await CliRun.RunAsync(["policy", "test", "--ignore", "extensions", root]);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Matches(@"^PASS: (\d+)/\1$", run.Out.Trim());

        // With the PII extension, whose built-ins (steward.pii.find, pii.analyze) the CLI provides as the sidecar does.
        var all = await CliRun.RunAsync(["policy", "test", root]);
        Assert.True(all.ExitCode == 0, all.Out + all.Error);
        var core = int.Parse(run.Out.Trim().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var total = int.Parse(all.Out.Trim().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > core, all.Out);
        Assert.Equal(0, (await CliRun.RunAsync(["policy", "check", root])).ExitCode);
    }

    [Fact]
    public async Task NoTests_NoModules_AndCompileErrors_AreOneLine()
    {
        Directory.CreateDirectory(_temp.File("empty"));
        (await CliRun.RunAsync(["policy", "test", _temp.File("empty")])).AssertOneErrorLine("no .rego files found");
        (await CliRun.RunAsync(["policy", "test", _temp.File("p/ai.rego")])).AssertOneErrorLine("no tests found");
        File.WriteAllText(_temp.File("p/broken.rego"), "package broken\n\nallow if {\n");
        (await CliRun.RunAsync(["policy", "test", _temp.File("p")])).AssertOneErrorLine("rego_parse_error");
        File.WriteAllText(_temp.File("p/limits/data.yaml"), "min: [\n");
        File.Delete(_temp.File("p/broken.rego"));
        (await CliRun.RunAsync(["policy", "test", _temp.File("p")])).AssertOneErrorLine("invalid YAML");
    }

    public void Dispose() => _temp.Dispose();
}
