using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Steward.Server.Tests.Tickets.TicketTestSupport;

namespace Steward.Server.Tests.Tickets;

/// <summary>Mirroring to ServiceNow against a local server that enforces the Table API's documented shapes.</summary>
public sealed class ServiceNowContractTests
{
    private const string Password = "sn-password-77d0e2";

    [Fact]
    public async Task Registration_CreatesRecord_AndClosingResolvesIt()
    {
        await using var sn = new FakeServiceNow("steward.integration", Password);
        await sn.StartAsync();
        await using var server = await StewardTestServer.StartAsync(ServiceNow(sn, Password));
        using var admin = server.Client();

        var manual = await ManualTicketAsync(server, admin, "sn-manual");
        var id = manual["id"]!.GetValue<string>();
        var mirrored = await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "servicenow_number") is not null, "the ServiceNow number");
        var sysId = External(mirrored, "servicenow_sys_id")!;
        var record = sn.Records[sysId];
        Assert.Equal(id, record["correlation_id"]!.GetValue<string>());
        Assert.StartsWith($"[{manual["key"]!.GetValue<string>()}]", record["short_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1", record["state"]!.GetValue<string>());
        Assert.Matches("^INC[0-9]{7}$", External(mirrored, "servicenow_number")!);
        Assert.All(sn.Requests, r => Assert.Equal(FakeTracker.Basic("steward.integration", Password), r.Authorization));

        (await admin.PostAsJsonAsync($"/api/v1/tickets/{id}/status", new { status = "done", resolution = "bias within bounds" })).EnsureSuccessStatusCode();
        await WaitForAsync(() => Task.FromResult(record["state"]!.GetValue<string>()), s => s == "6", "the resolved state");
        Assert.Equal(("Solution provided", "bias within bounds"), (record["close_code"]!.GetValue<string>(), record["close_notes"]!.GetValue<string>()));
        Assert.Contains(sn.Requests, r => r.Method == "PATCH" && r.Path.StartsWith($"/api/now/table/incident/{sysId}", StringComparison.Ordinal));

        // The intake ticket's gate facts carry the ServiceNow number once mirrored.
        var intake = await IntakeTicketAsync(server, admin, "sn-intake");
        var intakeMirrored = await WaitForAsync(() => TicketAsync(admin, intake["id"]!.GetValue<string>()), t => External(t, "servicenow_number") is not null, "the intake number");
        // Three tickets (two intake tickets and the manual one), three records.
        await WaitForAsync(() => Task.FromResult(sn.Records.Count), n => n == 3, "three records");
        Assert.Equal(3, sn.Records.Values.Select(r => r["correlation_id"]!.GetValue<string>()).Distinct().Count());
        Assert.NotNull(intakeMirrored["external"]!["servicenow_sys_id"]);
    }

    [Fact]
    public async Task Outage_AndLostAnswer_YieldExactlyOneRecord()
    {
        await using var sn = new FakeServiceNow("steward.integration", Password);
        await using var server = await StewardTestServer.StartAsync(ServiceNow(sn, Password));
        using var admin = server.Client();
        var manual = await ManualTicketAsync(server, admin, "sn-outage");
        var id = manual["id"]!.GetValue<string>();
        await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 1 && i["last_error"]!.GetValue<string>().Contains("could not reach ServiceNow", StringComparison.Ordinal)),
            "a failed attempt");

        sn.Faults.Enqueue(("/api/now/table", 503, null));
        sn.LoseAnswerTo = "/api/now/table/incident";
        await sn.StartAsync();
        var mirrored = await WaitForAsync(() => TicketAsync(admin, id), t => External(t, "servicenow_sys_id") is not null, "the record");
        // The registration's intake ticket and the manual one: one record each, however many attempts it took.
        await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!, b => b!["pending"]!.GetValue<long>() == 0, "an empty backlog");
        var mine = Assert.Single(sn.Records.Values, r => r["correlation_id"]!.GetValue<string>() == id);
        Assert.Equal(mine["sys_id"]!.GetValue<string>(), External(mirrored, "servicenow_sys_id"));
        Assert.Equal(2, sn.Records.Count);
        Assert.Equal(2, sn.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task WrongCredentials_ShowServiceNowsError_AndNeverThePassword()
    {
        const string Wrong = "not-the-password-SECRET-19";
        await using var sn = new FakeServiceNow("steward.integration", Password);
        await sn.StartAsync();
        var settings = ServiceNow(sn, Wrong);
        settings["Logging:LogLevel:Default"] = "Trace";
        await using var server = await StewardTestServer.StartAsync(settings);
        var logs = CaptureLogs(server);
        using var admin = server.Client();
        await ManualTicketAsync(server, admin, "sn-wrong");

        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 2), "failed attempts");
        var error = backlog!["items"]![0]!["last_error"]!.GetValue<string>();
        Assert.Contains("ServiceNow answered 401", error, StringComparison.Ordinal);
        Assert.Contains("User Not Authenticated; Required to provide Auth information", error, StringComparison.Ordinal);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"steward.integration:{Wrong}"));
        foreach (var text in new[] { logs.All, backlog.ToJsonString() })
        {
            Assert.DoesNotContain(Wrong, text, StringComparison.Ordinal);
            Assert.DoesNotContain(encoded, text, StringComparison.Ordinal);
        }
        Assert.Empty(sn.Records);
    }

    [Fact]
    public async Task InvalidTable_IsReportedWithServiceNowsMessage()
    {
        await using var sn = new FakeServiceNow("steward.integration", Password);
        await sn.StartAsync();
        var settings = ServiceNow(sn, Password);
        settings["Tickets:ServiceNow:Table"] = "incidentx";
        await using var server = await StewardTestServer.StartAsync(settings);
        using var admin = server.Client();
        await ManualTicketAsync(server, admin, "sn-table");
        var backlog = await WaitForAsync(() => admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox")!,
            b => b!["items"]!.AsArray().Any(i => i!["attempts"]!.GetValue<int>() >= 1), "a failed attempt");
        Assert.Contains("ServiceNow answered 400 Bad Request: Invalid table incidentx", backlog!["items"]![0]!["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
