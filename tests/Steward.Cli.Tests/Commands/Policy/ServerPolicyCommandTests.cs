using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;

namespace Steward.Cli.Tests.Commands.Policy;

/// <summary><c>steward policy push/pull/list</c> against a live server, through the SDK.</summary>
public sealed class ServerPolicyCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    private const string Rego = "package cli_gate\n\nallow if input.user == \"ann\"\n";

    [Fact]
    public async Task PushListPull_RoundTripsTheText()
    {
        Directory.CreateDirectory(server.Scratch("push/gates"));
        await File.WriteAllTextAsync(server.Scratch("push/gates/gate.rego"), Rego, TestContext.Current.CancellationToken);

        var pushed = await server.OkAsync(["policy", "push", server.Scratch("push")]);
        Assert.Contains("as gates/gate.rego", pushed, StringComparison.Ordinal);

        var list = await server.OkAsync(["policy", "list"]);
        Assert.Contains("gates/gate.rego", list, StringComparison.Ordinal);
        Assert.Contains("cli_gate", list, StringComparison.Ordinal);
        var json = JsonNode.Parse(await server.OkAsync(["policy", "list", "--json"]))!.AsArray();
        Assert.Contains(json, m => m!["id"]!.GetValue<string>() == "gates/gate.rego" && m["version"]!.GetValue<int>() == 1);

        Assert.Equal(Rego, await server.OkAsync(["policy", "pull", "gates/gate.rego"]));
        await server.OkAsync(["policy", "pull", "gates/gate.rego", "-o", server.Scratch("pulled.rego")]);
        Assert.Equal(Rego, await File.ReadAllTextAsync(server.Scratch("pulled.rego"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PushOfAModuleThatDoesNotCompile_IsOneLineNamingThePosition()
    {
        await File.WriteAllTextAsync(server.Scratch("unsafe.rego"), "package u\n\nallow if {\n  z > 1\n}\n", TestContext.Current.CancellationToken);
        var run = await server.RunAsync(["policy", "push", server.Scratch("unsafe.rego")]);
        run.AssertOneErrorLine("400");
        Assert.Contains("unsafe.rego:4:3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_ListsTheLog_FilteredByOutcomeAndEndpoint()
    {
        await File.WriteAllTextAsync(server.Scratch("door.rego"), "package door\n\ndeny contains \"closed\" if input.open == false\n", TestContext.Current.CancellationToken);
        await server.OkAsync(["policy", "push", server.Scratch("door.rego")]);
        using var client = new Steward.Client.StewardClient(new Uri(server.Url), LiveServer.AdminKey);
        foreach (var open in new[] { false, false, true })
        {
            await client.Policies.EvaluateAsync("door", new JsonObject { ["open"] = open, ["endpoint"] = "front-door" }, TestContext.Current.CancellationToken);
        }

        var denied = await server.OkAsync(["policy", "decisions", "--endpoint", "front-door", "--outcome", "denied"]);
        var lines = denied.Trim().Split('\n');
        Assert.Equal(3, lines.Length); // header and two rows
        Assert.Contains("closed", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"front-door\s+denied\s+2\s+server", lines[1]);
        var json = JsonNode.Parse(await server.OkAsync(["policy", "decisions", "--endpoint", "front-door", "--json"]))!;
        Assert.Equal(3, json["items"]!.AsArray().Count);
        Assert.True(json["items"]![0]!["allowed"]!.GetValue<bool>());
        (await server.RunAsync(["policy", "decisions", "--outcome", "maybe"])).AssertOneErrorLine("maybe");
    }

    [Fact]
    public async Task BadArguments_AreOneLine()
    {
        (await server.RunAsync(["policy", "pull", "no/such.rego"])).AssertOneErrorLine("404");
        (await server.RunAsync(["policy", "push", server.Scratch("missing.rego")])).AssertOneErrorLine("does not exist");
        await File.WriteAllTextAsync(server.Scratch("one.rego"), Rego, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(server.Scratch("two.rego"), Rego.Replace("cli_gate", "cli_two", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        (await server.RunAsync(["policy", "push", "--id", "x.rego", server.Scratch("one.rego"), server.Scratch("two.rego")])).AssertOneErrorLine("--id needs exactly one file");
        (await server.RunAsync(["policy", "pull", "gates/gate.rego", "-o", server.Scratch("no/dir/x.rego")])).AssertOneErrorLine("does not exist");
        (await server.RunAsync(["policy", "list"], "stw_wrong_key")).AssertOneErrorLine("401");
    }
}
