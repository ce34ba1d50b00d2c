using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

public sealed class AuditTrailTests(DashboardFixture fixture)
{
    private static readonly Regex VerifiedText = new(
        $@"^Included in checkpoint of size (\d+), signed by {Regex.Escape(StewardServerHost.Origin)} \(signature and proof verified\)$");

    [Fact]
    public Task AuditTrail_ShowsTheSignedCheckpoint_AndAVerifiedProofForEveryEntry() => fixture.RunAsync(async page =>
    {
        var size = await LedgerSizeAsync(fixture.Server);
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");

        await Expect(page.Locator("#checkpoint-origin")).ToHaveTextAsync(StewardServerHost.Origin);
        await Expect(page.Locator("#checkpoint-size")).ToHaveTextAsync($"{size} entries");
        await Expect(page.Locator(".checkpoint .proof-verified")).ToHaveTextAsync(new Regex("Signature verified with the log's key"));

        var entries = page.Locator("table.audit tr.entry");
        await Expect(entries).ToHaveCountAsync((int)size);
        var proofs = await entries.Locator(".proof-text").AllTextContentsAsync();
        Assert.All(proofs, text => Assert.Equal(size.ToString(CultureInfo.InvariantCulture), VerifiedText.Match(text).Groups[1].Value));
        await Expect(page.Locator("#verification-summary")).ToContainTextAsync(
            $"{size} of {size} entries on this page are proven included in the signed checkpoint of size {size}.");

        var indexes = (await entries.Locator("td[data-label='Entry'] strong").AllTextContentsAsync()).Select(t => long.Parse(t.TrimStart('#'), CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, (int)size).Select(i => (long)i).Reverse(), indexes);
    });

    [Fact]
    public Task AuditEntry_ExpandsToItsCanonicalJson_AndProofHashes() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");
        var newest = await LedgerSizeAsync(fixture.Server) - 1;

        var details = page.Locator("details.raw", new() { Has = page.GetByText($"Canonical JSON and proof of entry #{newest}") });
        await details.Locator("summary").ClickAsync();

        var canonical = details.Locator("pre.canonical");
        await Expect(canonical).ToBeVisibleAsync();
        var json = JsonNode.Parse(await canonical.TextContentAsync() ?? "")!.AsObject();
        Assert.Equal(newest, json["index"]!.GetValue<long>());
        Assert.Equal("decision.recorded", json["type"]!.GetValue<string>());
        Assert.Equal("approver@example.com", json["actor"]!["id"]!.GetValue<string>());
        var hashes = details.Locator("ol.hashes li");
        Assert.True(await hashes.CountAsync() > 0);
        Assert.All(await hashes.AllTextContentsAsync(), h => Assert.Equal(32, Convert.FromBase64String(h).Length));
    });

    [Fact]
    public Task AuditTrail_FiltersByEventType() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");

        await page.GetByLabel("Event type").SelectOptionAsync("decision.recorded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]type=decision\.recorded"));
        var entries = page.Locator("table.audit tr.entry");
        await Expect(entries).ToHaveCountAsync(fixture.Seed.Decisions.Count);
        await Expect(page.Locator("table.audit tr.entry:not([data-type='decision.recorded'])")).ToHaveCountAsync(0);
        await Expect(entries.Locator("td[data-label='Actor'] a")).ToHaveTextAsync(Enumerable.Repeat("approver@example.com", fixture.Seed.Decisions.Count));
        await Expect(entries.Locator(".proof-verified")).ToHaveCountAsync(fixture.Seed.Decisions.Count);
        await Expect(page.GetByLabel("Event type")).ToHaveValueAsync("decision.recorded");
    });

    [Fact]
    public Task AuditTrail_FiltersBySubject() => fixture.RunAsync(async page =>
    {
        var dataset = fixture.Seed.Dataset["id"]!.GetValue<string>();
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");

        await page.GetByLabel("Subject kind").SelectOptionAsync("dataset");
        await page.GetByLabel("Subject ID").FillAsync(dataset);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var entries = page.Locator("table.audit tr.entry");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Nth(0)).ToHaveAttributeAsync("data-type", "decision.recorded");
        await Expect(entries.Nth(1)).ToHaveAttributeAsync("data-type", "dataset.registered");
        await Expect(entries.Locator("td[data-label='Subject'] a")).ToHaveTextAsync(["loan-applications-2024", "loan-applications-2024"]);
        await Expect(entries.Nth(0).Locator("td[data-label='Summary']")).ToContainTextAsync("Dataset approval approved — “Consent basis documented.”");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ui/audit$"));
        await Expect(entries).ToHaveCountAsync((int)await LedgerSizeAsync(fixture.Server));
    });

    [Fact]
    public Task AuditTrail_FiltersByActorAndTimeRange() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");
        var entries = page.Locator("table.audit tr.entry");

        await page.GetByLabel("Actor").FillAsync("approver@example.com");
        await page.GetByLabel("From").FillAsync("2000-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(entries).ToHaveCountAsync(fixture.Seed.Decisions.Count);

        await page.GetByLabel("From").FillAsync("2999-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(entries).ToHaveCountAsync(0);
        await Expect(page.GetByText("No entries match these filters.")).ToBeVisibleAsync();

        await page.GotoAsync("/ui/audit?since=yesterday");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("“From” is not a date and time");
    });

    [Fact]
    public Task AuditTrail_PagesToOlderEntriesByCursor() => fixture.RunAsync(async page =>
    {
        var size = await LedgerSizeAsync(fixture.Server);
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit?limit=5");
        var indexes = page.Locator("table.audit tr.entry td[data-label='Entry'] strong");
        var seen = new List<string>();
        for (var pageNumber = 0; ; pageNumber++)
        {
            await Expect(indexes).Not.ToHaveCountAsync(0);
            seen.AddRange(await indexes.AllTextContentsAsync());
            var older = page.GetByRole(AriaRole.Link, new() { Name = "Older entries" });
            if (await older.CountAsync() == 0) break;
            Assert.True(pageNumber < 10, "paging does not end");
            await older.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("cursor="));
        }
        Assert.Equal(Enumerable.Range(0, (int)size).Reverse().Select(i => $"#{i}"), seen);
    });

    [Fact]
    public Task AuditTrail_OnAPhone_FitsTheScreen_WithHashesAndJsonWrapped() => fixture.RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit?limit=3");
        await page.Locator("details.raw > summary").First.ClickAsync();
        await page.Locator("tr.detail-row details.raw > summary").First.ClickAsync();

        await Expect(page.Locator("pre.canonical").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    });

    private static async Task<long> LedgerSizeAsync(StewardServerHost server)
    {
        using var client = server.Client();
        return (await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree"))!["size"]!.GetValue<long>();
    }
}
