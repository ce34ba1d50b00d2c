using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;

namespace Steward.Cli.Tests.Commands.Tickets;

/// <summary><c>steward ticket list|show</c> against a live server.</summary>
public sealed class TicketCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task ListAndShow_TheIntakeTicketOfARegisteredSystem()
    {
        var system = JsonNode.Parse(await server.OkAsync(
            ["system", "register", "--name", $"tickets-{Guid.NewGuid():N}", "--owner", "risk@example.com", "--risk-tier", "high", "--json"]))!;
        var systemId = system["id"]!.GetValue<string>();

        var table = await server.OkAsync(["ticket", "list", "--system", systemId]);
        var row = table.Split('\n').Single(l => l.StartsWith("STW-", StringComparison.Ordinal));
        Assert.Contains("ai_risk_assessment", row, StringComparison.Ordinal);
        Assert.Contains(" open ", row, StringComparison.Ordinal);
        Assert.Contains(" yes ", row, StringComparison.Ordinal);
        var key = row.Split(' ')[0];

        var json = JsonNode.Parse(await server.OkAsync(["ticket", "list", "--system", systemId, "--status", "open", "--json"]))!;
        Assert.Equal(key, json["items"]![0]!["key"]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse(await server.OkAsync(["ticket", "list", "--system", systemId, "--status", "done", "--json"]))!["items"]!.AsArray());

        var shown = await server.OkAsync(["ticket", "show", key]);
        Assert.Contains("AI Risk Assessment", shown, StringComparison.Ordinal);
        Assert.Contains("opened", shown, StringComparison.Ordinal);
        Assert.Contains("ACTION", shown, StringComparison.Ordinal);
        var detail = JsonNode.Parse(await server.OkAsync(["ticket", "show", key, "--json"]))!;
        Assert.Equal(systemId, detail["system_id"]!.GetValue<string>());
        Assert.Single(detail["history"]!.AsArray());
    }

    [Fact]
    public async Task Errors_AreOneLineOnStderr()
    {
        var missing = await server.RunAsync(["ticket", "show", "STW-99999"]);
        Assert.Equal(1, missing.ExitCode);
        missing.AssertOneErrorLine("STW-99999");

        var badStatus = await server.RunAsync(["ticket", "list", "--status", "closed"]);
        Assert.NotEqual(0, badStatus.ExitCode);
        Assert.Contains("closed", badStatus.Error, StringComparison.Ordinal);

        var noArgument = await server.RunAsync(["ticket", "show"]);
        Assert.NotEqual(0, noArgument.ExitCode);
        Assert.Empty(noArgument.Out.Trim());
    }
}
