using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Policy;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ValidModules_InADirectory_PassWithExitZero()
    {
        Directory.CreateDirectory(_temp.File("policies/nested"));
        await File.WriteAllTextAsync(_temp.File("policies/a.rego"), "package a\n\ndefault allow := false\n\nallow if input.score > 0.7\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_temp.File("policies/nested/b.rego"), "package b\n\ndeny contains msg if {\n\tsome w in data.words\n\tinput.text == w\n\tmsg := w\n}\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync(["policy", "check", _temp.File("policies")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 files OK", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task SyntaxErrors_AreListedWithFileLineColumn_AndFailWithOneLine()
    {
        var bad = _temp.File("bad.rego");
        await File.WriteAllTextAsync(bad, "package a\n\nallow { true }\n", TestContext.Current.CancellationToken);
        var good = _temp.File("good.rego");
        await File.WriteAllTextAsync(good, "package a\nallow := true\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync(["policy", "check", good, bad]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:3:7: rego_parse_error:", run.Out, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("error: 1 of 2 files have errors", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileErrors_AcrossFiles_AreListedWithPositions()
    {
        var a = _temp.File("a.rego");
        await File.WriteAllTextAsync(a, "package shared\n\np := 1\n", TestContext.Current.CancellationToken);
        var b = _temp.File("b.rego");
        await File.WriteAllTextAsync(b, "package shared\n\nq if {\n  y == 1\n}\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync(["policy", "check", a, b]);

        Assert.Contains($"{b}:4:3: rego_unsafe_var_error:", run.Out, StringComparison.Ordinal);
        run.AssertOneErrorLine("1 of 2 files have errors");
    }

    [Fact]
    public async Task MissingPath_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync(["policy", "check", _temp.File("nope.rego")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    public void Dispose() => _temp.Dispose();
}
