using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>The Tickets page over its own server mirroring to a Jira that is down: tickets, filters and the failing backlog.</summary>
public sealed class TicketsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Tickets_ListFiltersAndShowTheFailingBacklog()
    {
        await using var server = await StewardServerHost.StartAsync("http://127.0.0.1:0",
            $"--Tickets:Jira:BaseUrl=http://127.0.0.1:{ClosedPort()}", "--Tickets:Jira:Email=bot@example.com", "--Tickets:Jira:ApiToken=token-not-shown-41",
            "--Tickets:Jira:ProjectKey=GOV", "--Tickets:Delivery:Interval=00:00:00.100", "--Tickets:Delivery:BaseDelay=00:00:00.100", "--Tickets:Delivery:MaxDelay=00:00:00.500");
        string scoringId;
        using (var admin = server.Client())
        {
            scoringId = (await server.PostAsync("/api/v1/systems", new { name = "scoring <b>", owner = "risk@example.com", risk_tier = "high" }))["id"]!.GetValue<string>();
            var other = (await server.PostAsync("/api/v1/systems", new { name = "chatbot", owner = "cx@example.com", risk_tier = "limited" }))["id"]!.GetValue<string>();
            var manual = await server.PostAsync("/api/v1/tickets", new { system_id = other, title = "Write the model card", kind = "documentation" });
            (await admin.PostAsJsonAsync($"/api/v1/tickets/{manual["id"]!.GetValue<string>()}/status", new { status = "done", resolution = "published" })).EnsureSuccessStatusCode();
            for (var i = 0; i < 100; i++)
            {
                var backlog = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox"))!;
                if (backlog["failing"]!.GetValue<long>() >= 3) break;
                await Task.Delay(100);
            }
        }

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, StewardServerHost.AdminKey, start: "/ui/tickets");
            await Expect(page).ToHaveURLAsync(new Regex("/ui/tickets$"));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tickets", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

            var rows = page.Locator("#tickets tbody tr");
            await Expect(rows).ToHaveCountAsync(3);
            var intake = rows.Filter(new() { HasText = "AI Risk Assessment: scoring <b>" });
            await Expect(intake.Locator("td[data-label='Status']")).ToHaveTextAsync("open");
            await Expect(intake.Locator("td[data-label='Blocking']")).ToHaveTextAsync("blocking");
            await Expect(intake.Locator("td[data-label='System']")).ToHaveTextAsync("scoring <b>");

            await Expect(page.Locator("#backlog-summary")).ToContainTextAsync("failing");
            var failing = page.Locator("#backlog tbody tr").First;
            await Expect(failing.Locator("td[data-label='Target']")).ToHaveTextAsync("jira");
            await Expect(failing.Locator("td[data-label='Last error']")).ToContainTextAsync("could not reach Jira");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("token-not-shown-41");

            await page.GetByRole(AriaRole.Link, new() { Name = "Done", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("status=done"));
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First.Locator("td[data-label='Title']")).ToContainTextAsync("Write the model card");

            await page.GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();
            await page.GetByLabel("System id").FillAsync(scoringId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(page.GetByText("System scoring <b> only.")).ToBeVisibleAsync();

            await page.GotoAsync("/ui/tickets?status=closed");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The status filter must be one of");
            await Expect(rows).ToHaveCountAsync(3);
        }, server);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
