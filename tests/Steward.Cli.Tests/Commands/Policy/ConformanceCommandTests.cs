using System.Text.Json.Nodes;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Policy;

public sealed class ConformanceCommandTests : IDisposable
{
    private const string Cases = """
        cases:
          - note: sample/passes
            query: data.test.p = x
            modules:
              - |
                package test
                p := 1 + 2
            want_result:
              - x: 3
          - note: sample/fails
            query: data.test.p = x
            modules:
              - |
                package test
                p := 4
            want_result:
              - x: 5
          - note: sample/conflict
            query: data.test.p = x
            modules:
              - |
                package test
                p := 1
                p := 2
            want_error_code: eval_conflict_error
        """;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Run_ListsEachFailure_ThenTheTally_AndWritesPerCaseJson()
    {
        Directory.CreateDirectory(_temp.File("cases/topic"));
        await File.WriteAllTextAsync(_temp.File("cases/topic/sample.yaml"), Cases, TestContext.Current.CancellationToken);
        var json = _temp.File("results.json");

        var run = await CliRun.RunAsync(["policy", "conformance", _temp.File("cases"), "--json", json]);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("FAIL topic/sample.yaml: sample/fails: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("2 passed, 1 failed", lines[1].Trim());
        var results = JsonNode.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal([true, false, true], results.Select(r => r!["passed"]!.GetValue<bool>()));
        Assert.Equal("sample/conflict", results[2]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingDirectory_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync(["policy", "conformance", _temp.File("nope")]);
        run.AssertOneErrorLine("is not a directory");
    }

    [Fact]
    public async Task DirectoryWithoutCases_FailsWithOneLine()
    {
        Directory.CreateDirectory(_temp.File("empty"));
        var run = await CliRun.RunAsync(["policy", "conformance", _temp.File("empty")]);
        run.AssertOneErrorLine("no .yaml case files");
    }

    public void Dispose() => _temp.Dispose();
}
