using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.EndToEnd;

/// <summary><c>steward system advance|gate|status</c> against a live server.</summary>
public sealed class LifecycleCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    private async Task<string> RegisterAsync() =>
        JsonNode.Parse(await server.OkAsync(
            ["system", "register", "--name", $"lifecycle-{Guid.NewGuid():N}", "--owner", "risk@example.com", "--risk-tier", "high", "--json"]))!["id"]!
            .GetValue<string>();

    [Fact]
    public async Task Advance_WhenTheGateRefuses_ListsWhatIsUnmet_AndFailsWithOneErrorLine()
    {
        var id = await RegisterAsync();
        var run = await server.RunAsync(["system", "advance", id, "--reason", "kick-off"]);
        Assert.Equal(1, run.ExitCode);
        run.AssertOneErrorLine("the gate to risk_assessment refused");
        Assert.Contains("risk_assessment_approved:", run.Out, StringComparison.Ordinal);

        var gate = await server.RunAsync(["system", "gate", id, "deployment", "--json"]);
        Assert.Equal(1, gate.ExitCode);
        var answer = JsonNode.Parse(gate.Out)!;
        Assert.False(answer["allowed"]!.GetValue<bool>());
        Assert.Contains(answer["unmet"]!.AsArray(), u => u!["rule"]!.GetValue<string>() == "business_approval");

        var status = await server.OkAsync(["system", "status", id]);
        Assert.Contains("stage:   intake", status, StringComparison.Ordinal);
        Assert.Contains("next:    risk_assessment:", status, StringComparison.Ordinal);
        Assert.Contains("refused (", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_ToAnAllowedStage_MovesTheSystem()
    {
        var id = await RegisterAsync();
        Assert.Equal(0, (await server.RunAsync(["system", "gate", id, "retired"])).ExitCode);
        var moved = await server.OkAsync(["system", "advance", id, "--to", "retired", "--reason", "never built"]);
        Assert.Contains($"{id} is now in stage retired", moved, StringComparison.Ordinal);
        Assert.Contains("stage:   retired", await server.OkAsync(["system", "status", id]), StringComparison.Ordinal);
        // A retired system has no next stage.
        (await server.RunAsync(["system", "advance", id])).AssertOneErrorLine("has no next stage");
    }

    [Theory]
    [InlineData("advance", "--to", "production")]
    [InlineData("gate", "production")]
    public async Task UnknownStage_IsAUsageError(params string[] args)
    {
        var id = await RegisterAsync();
        var run = await server.RunAsync(["system", args[0], id, .. args[1..]]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("production", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSystem_IsOneErrorLine()
    {
        var run = await server.RunAsync(["system", "status", "no-such-system"]);
        Assert.NotEqual(0, run.ExitCode);
        run.AssertOneErrorLine("404");
    }

    [Fact]
    public async Task Report_WritesTheFile_AndAnUnwritablePathIsOneErrorLine()
    {
        var id = await RegisterAsync();
        var html = server.Scratch($"report-{Guid.NewGuid():N}.html");
        Assert.Contains("wrote", await server.OkAsync(["system", "report", id, "--out", html]), StringComparison.Ordinal);
        Assert.Contains("Annex IV", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var json = server.Scratch($"report-{Guid.NewGuid():N}.json");
        await server.OkAsync(["system", "report", id, "--kind", "board", "--format", "json", "--out", json]);
        Assert.NotEmpty(JsonNode.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken))!["evidence"]!.AsArray());

        var bad = await server.RunAsync(["system", "report", id, "--out", "/nonexistent-dir/x/report.html"]);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Single(bad.ErrorLines);
        var usage = await server.RunAsync(["system", "report", id, "--kind", "summary", "--out", html]);
        Assert.NotEqual(0, usage.ExitCode);
        Assert.Contains("summary", usage.Error, StringComparison.Ordinal);
    }
}
