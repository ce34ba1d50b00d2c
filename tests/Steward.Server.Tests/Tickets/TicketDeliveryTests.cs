using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Steward.Server.Tickets;
using static Steward.Server.Tests.Tickets.TicketTestSupport;

namespace Steward.Server.Tests.Tickets;

/// <summary>The outbox worker: backoff, restarts, and configuration checked at start.</summary>
public sealed class TicketDeliveryTests
{
    private const string Token = "jira-token-restart-5521";

    [Fact]
    public async Task Backoff_DoublesWithJitter_IsCapped_AndHonoursRetryAfter()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        var settings = Jira(jira, Token);
        settings["Tickets:Delivery:BaseDelay"] = "00:00:01";
        settings["Tickets:Delivery:MaxDelay"] = "00:00:30";
        await using var server = await StewardTestServer.StartAsync(settings);
        var worker = server.App.Services.GetServices<IHostedService>().OfType<TicketDeliveryWorker>().Single();
        for (var attempts = 0; attempts < 4; attempts++)
        {
            var expected = Math.Pow(2, attempts);
            var delays = Enumerable.Range(0, 200).Select(_ => worker.Backoff(attempts, null).TotalSeconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, expected * 0.75, expected * 1.25));
            Assert.True(delays.Distinct().Count() > 100); // jittered, so failing clients do not retry in step
        }
        Assert.InRange(worker.Backoff(20, null).TotalSeconds, 22.5, 37.5);
        Assert.Equal(TimeSpan.FromSeconds(7), worker.Backoff(0, TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public async Task PendingCalls_SurviveARestart_AndArriveOnce()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        var directory = Directory.CreateTempSubdirectory("steward-restart-").FullName;
        string id;
        var first = await StewardTestServer.StartAsync(Jira(jira, Token, blocks: null), directory);
        using (var admin = first.Client())
        {
            id = (await IntakeTicketAsync(first, admin, "restart-system"))["id"]!.GetValue<string>();
            await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
                b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 1), "a failed attempt while Jira is down");
        }
        await first.App.StopAsync();
        await first.App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await jira.StartAsync();
        await using var second = await StewardTestServer.StartAsync(Jira(jira, Token, blocks: null), directory);
        using var client = second.Client();
        var mirrored = await WaitForAsync(() => TicketAsync(client, id), t => External(t, "jira_key") is not null, "the key after the restart");
        Assert.Equal("GOV-1", External(mirrored, "jira_key"));
        Assert.Single(jira.Issues);
    }

    [Theory]
    [InlineData("Tickets:Jira:Email", "", "Email and ProjectKey")]
    [InlineData("Tickets:Jira:ApiToken", "", "ApiTokenFile or ApiToken")]
    [InlineData("Tickets:Jira:ApiTokenFile", "/nonexistent/token", "does not exist")]
    [InlineData("Tickets:Delivery:BatchSize", "0", "BatchSize")]
    public async Task BadConfiguration_StopsTheStartWithAMessage(string setting, string value, string message)
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        var settings = Jira(jira, Token);
        settings[setting] = value;
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await StewardTestServer.StartAsync(settings)).DisposeAsync());
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }
}
