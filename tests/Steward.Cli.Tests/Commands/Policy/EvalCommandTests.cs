using System.Text.Json.Nodes;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Policy;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public EvalCommandTests()
    {
        Directory.CreateDirectory(_temp.File("policies/limits"));
        File.WriteAllText(_temp.File("policies/ai.rego"), """
            package ai_policy

            default allow := false

            allow if input.prediction.score >= data.limits.min_score

            deny contains "score too low" if input.prediction.score < data.limits.min_score
            """);
        File.WriteAllText(_temp.File("policies/limits/data.json"), """{"min_score": 0.5}""");
        File.WriteAllText(_temp.File("input.json"), """{"prediction": {"score": 0.7}}""");
    }

    [Fact]
    public async Task PrintsTheResultSet_LikeOpaEval()
    {
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "-i", _temp.File("input.json"), "data.ai_policy.allow"]);
        Assert.Equal(0, run.ExitCode);
        var expected = JsonNode.Parse("""{"result":[{"expressions":[{"value":true,"text":"data.ai_policy.allow","location":{"row":1,"col":1}}]}]}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(run.Out)), run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Bindings_AndSeveralExpressions_AreReported()
    {
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies/ai.rego"), "-d", _temp.File("policies/limits/data.json"),
            "x := data.min_score; y := x * 2"]);
        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Out)!["result"]![0]!;
        Assert.Equal(0.5, result["bindings"]!["x"]!.GetValue<double>());
        Assert.Equal(1, result["bindings"]!["y"]!.GetValue<double>());
        Assert.Equal("y := x * 2", result["expressions"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(22, result["expressions"]![1]!["location"]!["col"]!.GetValue<int>());
    }

    [Fact]
    public async Task Undefined_PrintsEmptyObject()
    {
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "data.ai_policy.no_such_rule"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{}", run.Out.Trim());
    }

    [Fact]
    public async Task RawFormat_PrintsValuesOnly()
    {
        File.WriteAllText(_temp.File("low.json"), """{"prediction": {"score": 0.1}}""");
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "-i", _temp.File("low.json"), "--format", "raw", "data.ai_policy.deny"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[\"score too low\"]", run.Out.Trim());
    }

    [Fact]
    public async Task CompileError_IsOneLineWithPosition()
    {
        File.WriteAllText(_temp.File("bad.rego"), "package bad\n\nallow if {\n  x > 1\n}\n");
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("bad.rego"), "data.bad.allow"]);
        run.AssertOneErrorLine($"{_temp.File("bad.rego")}:4:");
        Assert.Contains("rego_unsafe_var_error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictAtEvaluation_IsOneLineWithCode()
    {
        File.WriteAllText(_temp.File("conflict.rego"), "package c\n\nx := 1 if true\nx := 2 if true\n");
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("conflict.rego"), "data.c.x"]);
        run.AssertOneErrorLine("eval_conflict_error");
    }

    [Theory]
    [InlineData("missing.json", "does not exist")]
    [InlineData("broken.json", "invalid JSON")]
    [InlineData("notes.txt", "not a .rego, .json or .yaml file")]
    public async Task BadDataFile_IsOneLine(string name, string message)
    {
        if (name != "missing.json") File.WriteAllText(_temp.File(name), "{\"a\": ");
        var run = await CliRun.RunAsync(["policy", "eval", "-d", _temp.File(name), "data"]);
        run.AssertOneErrorLine(message);
    }

    [Fact]
    public async Task BadInputFile_AndBadQuery_AreOneLine()
    {
        File.WriteAllText(_temp.File("bad-input.json"), "{");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "-i", _temp.File("bad-input.json"), "data"])).AssertOneErrorLine("invalid JSON");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "-i", _temp.File("none.json"), "data"])).AssertOneErrorLine("does not exist");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "data.ai_policy["])).AssertOneErrorLine("rego_parse_error");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), "--format", "xml", "data"])).AssertOneErrorLine("xml");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("policies"), " "])).AssertOneErrorLine("query is empty");
    }

    [Fact]
    public async Task ConflictingDataFiles_AreAMergeError()
    {
        Directory.CreateDirectory(_temp.File("two"));
        File.WriteAllText(_temp.File("a.json"), """{"x": 1}""");
        File.WriteAllText(_temp.File("b.json"), """{"x": 2}""");
        (await CliRun.RunAsync(["policy", "eval", "-d", _temp.File("a.json"), "-d", _temp.File("b.json"), "data"])).AssertOneErrorLine("merge error");
    }

    public void Dispose() => _temp.Dispose();
}
