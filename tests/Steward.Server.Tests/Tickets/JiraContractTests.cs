using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Steward.Server.Tests.Tickets.TicketTestSupport;

namespace Steward.Server.Tests.Tickets;

/// <summary>Mirroring to Jira Cloud against a local server that enforces Jira's documented request and answer shapes.</summary>
public sealed class JiraContractTests
{
    private const string Token = "jira-token-3f9a1c77e2";

    [Fact]
    public async Task Registration_CreatesIssueWithBlocksLink_AndClosingTransitionsIt()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        jira.AddExisting("REL-1");
        await jira.StartAsync();
        await using var server = await StewardTestServer.StartAsync(Jira(jira, Token));
        using var admin = server.Client();

        var intake = await IntakeTicketAsync(server, admin, "jira-scoring");
        var id = intake["id"]!.GetValue<string>();
        var mirrored = await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "jira_key") is not null, "the Jira key");
        var key = External(mirrored, "jira_key")!;
        var issue = jira.Issues[key];
        Assert.StartsWith($"[{intake["key"]!.GetValue<string>()}] AI Risk Assessment", issue.Summary, StringComparison.Ordinal);
        Assert.Contains(issue.Labels, l => l!.GetValue<string>() == $"steward-{id}");
        await WaitForAsync(() => Task.FromResult(issue.Links.Count), n => n == 1, "the Blocks link");
        Assert.Equal(("Blocks", key, "REL-1"), issue.Links[0]);
        Assert.All(jira.Requests, r => Assert.Equal(FakeTracker.Basic("steward-bot@example.com", Token), r.Authorization));
        Assert.Contains(mirrored["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "mirrored");

        // A manual, non-blocking ticket gets no link; closing it in Steward moves the issue through the Done transition.
        var manual = await ManualTicketAsync(server, admin, "jira-manual");
        var manualId = manual["id"]!.GetValue<string>();
        var manualKey = External(await WaitForAsync(() => TicketAsync(admin, manualId), t => External(t, "jira_key") is not null, "the second key"), "jira_key")!;
        (await admin.PostAsJsonAsync($"/api/v1/tickets/{manualId}/status", new { status = "done", resolution = "reviewed" })).EnsureSuccessStatusCode();
        await WaitForAsync(() => Task.FromResult(jira.Issues[manualKey].Status), s => s == "Done", "the Done transition");
        Assert.Empty(jira.Issues[manualKey].Links);
        Assert.Contains(jira.Requests, r => r.Method == "POST" && r.Path == $"/rest/api/3/issue/{manualKey}/transitions");
        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!, b => b!["pending"]!.GetValue<long>() == 0, "an empty backlog");
        Assert.Equal(0, backlog!["failing"]!.GetValue<long>());
    }

    [Fact]
    public async Task Webhook_SignedWithTheSecret_SyncsStatus_OthersAreRefused()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        jira.AddExisting("REL-1");
        await jira.StartAsync();
        await using var server = await StewardTestServer.StartAsync(Jira(jira, Token));
        using var admin = server.Client();
        using var anonymous = server.Client(key: null);
        var manual = await ManualTicketAsync(server, admin, "jira-hooked");
        var id = manual["id"]!.GetValue<string>();
        var key = External(await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "jira_key") is not null, "the key"), "jira_key")!;

        var payload = Payload(key, "In Progress", "indeterminate");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Hook(payload, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Hook(payload, "sha256=" + new string('0', 64)))).StatusCode);
        var unsigned = await anonymous.SendAsync(Hook(payload, Sign("another-secret", payload)));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("open", (await TicketAsync(admin, id))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.SendAsync(Hook(payload, Sign("hook-secret", payload)))).StatusCode);
        var moved = await TicketAsync(admin, id);
        Assert.Equal(("in_progress", "In Progress"), (moved["status"]!.GetValue<string>(), External(moved, "jira_status")));
        var entries = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=ticket.external_status"))!["items"]!.AsArray();
        Assert.Single(entries);

        // Jira saying done does not close the blocking intake ticket.
        var intake = await IntakeTicketAsync(server, admin, "jira-hooked-intake");
        var intakeId = intake["id"]!.GetValue<string>();
        var intakeKey = External(await WaitForAsync(() => TicketAsync(admin, intakeId), t => External(t, "jira_key") is not null, "the intake key"), "jira_key")!;
        var done = Payload(intakeKey, "Done", "done");
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.SendAsync(Hook(done, Sign("hook-secret", done)))).StatusCode);
        var still = await TicketAsync(admin, intakeId);
        Assert.Equal("open", still["status"]!.GetValue<string>());
        Assert.Contains("approved assessment", still["history"]!.AsArray()[^1]!["note"]!.GetValue<string>(), StringComparison.Ordinal);

        var malformed = "{\"issue\":";
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(Hook(malformed, Sign("hook-secret", malformed)))).StatusCode);
    }

    [Fact]
    public async Task Polling_SyncsStatusChangedInJira()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        await jira.StartAsync();
        await using var server = await StewardTestServer.StartAsync(Jira(jira, Token, blocks: null, poll: "00:00:00.200"));
        using var admin = server.Client();
        var manual = await ManualTicketAsync(server, admin, "jira-polled");
        var id = manual["id"]!.GetValue<string>();
        var key = External(await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "jira_key") is not null, "the key"), "jira_key")!;

        jira.SetStatus(key, "Done", "done");
        var done = await WaitForAsync(() => TicketAsync(admin, id), t => t["status"]!.GetValue<string>() == "done", "the polled status");
        Assert.Contains("Done in Jira", done["resolution"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(jira.Requests, r => r.Method == "GET" && r.Path == $"/rest/api/3/issue/{key}?fields=status");
    }

    [Fact]
    public async Task Outage_QueuesAndRetries_ThenTheIssueArrivesExactlyOnce()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        jira.AddExisting("REL-1");
        await using var server = await StewardTestServer.StartAsync(Jira(jira, Token)); // Jira is down: nothing listens yet
        using var admin = server.Client();
        var intake = await IntakeTicketAsync(server, admin, "jira-outage");
        var id = intake["id"]!.GetValue<string>();

        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 2), "failed attempts");
        var row = backlog!["items"]![0]!;
        Assert.Equal(("jira", "create"), (row["target"]!.GetValue<string>(), row["operation"]!.GetValue<string>()));
        Assert.Contains("could not reach Jira", row["last_error"]!.GetValue<string>(), StringComparison.Ordinal);

        // Up again, but busy for a moment: a 503, then a 429 with Retry-After, then the create's answer is lost.
        jira.Faults.Enqueue(("/rest/api/3/search", 503, null));
        jira.Faults.Enqueue(("/rest/api/3/search", 429, 1));
        jira.LoseAnswerTo = "/rest/api/3/issue";
        await jira.StartAsync();
        var mirrored = await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "jira_key") is not null, "the key after the outage");
        await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!, b => b!["pending"]!.GetValue<long>() == 0, "an empty backlog");
        Assert.Single(jira.Issues.Values, i => i.Key != "REL-1");
        Assert.Equal(External(mirrored, "jira_key"), jira.Issues.Values.Single(i => i.Key != "REL-1").Key);
        Assert.Single(jira.Requests, r => r.Method == "POST" && r.Path == "/rest/api/3/issue");
        var create = mirrored["deliveries"]!.AsArray().Single(d => d!["operation"]!.GetValue<string>() == "create")!;
        Assert.True(create["attempts"]!.GetValue<int>() >= 4);
        Assert.NotNull(create["delivered_at"]);
    }

    [Fact]
    public async Task WrongCredentialsAndBadProject_AreRetried_AndTheTokenNeverShows()
    {
        const string WrongToken = "wrong-token-SECRET-8c1d";
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        await jira.StartAsync();
        var settings = Jira(jira, WrongToken, blocks: null);
        settings["Logging:LogLevel:Default"] = "Trace";
        await using var server = await StewardTestServer.StartAsync(settings);
        var logs = CaptureLogs(server);
        using var admin = server.Client();
        var intake = await IntakeTicketAsync(server, admin, "jira-wrong-key");

        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 2), "failed attempts");
        var error = backlog!["items"]![0]!["last_error"]!.GetValue<string>();
        Assert.Contains("Jira answered 401", error, StringComparison.Ordinal);
        Assert.Contains("Client must be authenticated", error, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains("Jira answered 401", StringComparison.Ordinal));

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"steward-bot@example.com:{WrongToken}"));
        var ticket = await (await admin.GetAsync($"/api/v1/tickets/{intake["id"]!.GetValue<string>()}")).Content.ReadAsStringAsync();
        foreach (var text in new[] { logs.All, backlog.ToJsonString(), ticket })
        {
            Assert.DoesNotContain(WrongToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(encoded, text, StringComparison.Ordinal);
        }
        Assert.Empty(jira.Issues);
    }

    [Fact]
    public async Task RejectedFields_AreShownWithJirasFieldErrors()
    {
        await using var jira = new FakeJira("steward-bot@example.com", Token);
        await jira.StartAsync();
        var settings = Jira(jira, Token, blocks: null);
        settings["Tickets:Jira:ProjectKey"] = "NOPE";
        await using var server = await StewardTestServer.StartAsync(settings);
        using var admin = server.Client();
        await IntakeTicketAsync(server, admin, "jira-bad-project");
        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 1), "a failed attempt");
        Assert.Contains("Jira answered 400 Bad Request: project: Specify a valid project ID or key", backlog!["items"]![0]!["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Payload(string key, string status, string category) => new JsonObject
    {
        ["timestamp"] = 1764650000000,
        ["webhookEvent"] = "jira:issue_updated",
        ["issue"] = new JsonObject
        {
            ["id"] = "10001", ["key"] = key,
            ["fields"] = new JsonObject { ["status"] = new JsonObject { ["name"] = status, ["statusCategory"] = new JsonObject { ["key"] = category } } },
        },
        ["changelog"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["field"] = "status", ["toString"] = status }) },
    }.ToJsonString();

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static HttpRequestMessage Hook(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/integrations/jira/webhook") { Content = StewardTestServer.Json(body) };
        if (signature is not null) request.Headers.Add("X-Hub-Signature", signature);
        return request;
    }
}
