using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

public sealed class InventoryTests(DashboardFixture fixture)
{
    [Fact]
    public Task Inventory_ListsTheRegisteredSystems_WithTierStatusAndOwner() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);

        await Expect(page).ToHaveURLAsync(new Regex("/ui/inventory$"));
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(SeedData.SystemSpecs.Length);
        foreach (var (name, _, status, unit) in SeedData.SystemSpecs)
        {
            var row = rows.Filter(new() { Has = page.Locator(".name", new() { HasText = name }) });
            await Expect(row.Locator("td[data-label='Status']")).ToHaveTextAsync(status);
            await Expect(row.Locator("td[data-label='Business unit']")).ToHaveTextAsync(unit);
            await Expect(row.Locator("td[data-label='Owner']")).ToHaveTextAsync($"{unit.Replace(' ', '-')}-owner@example.com");
        }
        // fraud-detection was registered as limited and then changed to high.
        await Expect(RiskOf(rows, page, "fraud-detection")).ToHaveTextAsync("high");
        await Expect(RiskOf(rows, page, "support-chatbot")).ToHaveTextAsync("minimal");
        await Expect(RiskOf(rows, page, "support-chatbot")).ToHaveClassAsync(new Regex(@"\brisk-minimal\b"));
    });

    [Fact]
    public Task Inventory_ShowsModelsAndDatasets_WithTheirSystem() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Models", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ui/inventory/models$"));
        var model = page.Locator("table tbody tr");
        await Expect(model).ToHaveCountAsync(1);
        await Expect(model.Locator(".name")).ToHaveTextAsync("credit-gbm-v3");
        await Expect(model.Locator("td[data-label='System']")).ToHaveTextAsync("credit-scoring");
        await Expect(model.Locator("td[data-label='Framework']")).ToHaveTextAsync("xgboost");

        await page.GetByRole(AriaRole.Link, new() { Name = "Datasets", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ui/inventory/datasets$"));
        var dataset = page.Locator("table tbody tr");
        await Expect(dataset).ToHaveCountAsync(1);
        await Expect(dataset.Locator(".name")).ToHaveTextAsync("loan-applications-2024");
        await Expect(dataset.Locator("td[data-label='SHA-256'] code")).ToHaveAttributeAsync("title", new string('a', 64));
    });

    [Fact]
    public Task Inventory_PagesByCursor() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/inventory?limit=3");
        var names = page.Locator("table tbody tr .name");
        await Expect(names).ToHaveCountAsync(3);
        var first = await names.AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(names).ToHaveCountAsync(SeedData.SystemSpecs.Length - 3);
        var second = await names.AllTextContentsAsync();
        await Expect(page.Locator(".pager")).ToContainTextAsync("(end of list)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);

        Assert.Equal(SeedData.SystemSpecs.Select(s => s.Name).Order(), first.Concat(second).Order());
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Expect(names).ToHaveTextAsync(first.ToArray());
    });

    [Fact]
    public Task HistoryLink_OpensTheAuditTrailOfThatSystem() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail of credit-scoring" }).ClickAsync();

        var id = fixture.Seed.System("credit-scoring")["id"]!.GetValue<string>();
        await Expect(page).ToHaveURLAsync(new Regex($@"/ui/audit\?subject_kind=system&subject_id={id}$"));
        var entries = page.Locator("table.audit tr.entry");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Nth(0)).ToHaveAttributeAsync("data-type", "decision.recorded");
        await Expect(entries.Nth(1)).ToHaveAttributeAsync("data-type", "system.registered");
        await Expect(entries.Locator("td[data-label='Subject']")).ToContainTextAsync(["credit-scoring", "credit-scoring"]);
    });

    [Fact]
    public Task Inventory_OnAPhone_StacksTableCellsUnderTheirLabels() => fixture.RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);

        var cell = page.Locator("table tbody tr td[data-label='Risk tier']").First;
        await Expect(cell).ToBeVisibleAsync();
        Assert.Equal("block", await cell.EvaluateAsync<string>("td => getComputedStyle(td).display"));
        Assert.Equal("\"Risk tier\"", await cell.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    });

    [Fact]
    public async Task MarkupInData_IsShownAsText_NeverInterpreted()
    {
        const string name = "<b id=\"injected\">pwned</b>\"'&amp;";
        await using var server = await StewardServerHost.StartAsync();
        await server.PostAsync("/api/v1/systems", new
        {
            name, owner = "<script>document.title='x'</script>@example.com", purpose = "</td></tr></table><h1 id=\"injected-heading\">x</h1>", risk_tier = "high",
        });
        var key = await server.CreateKeyAsync("<i id=\"injected-actor\">auditor</i>", "auditor");

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, key);
            await Expect(page.Locator("table tbody tr .name")).ToHaveTextAsync(name);
            await Expect(page.Locator(".session strong")).ToHaveTextAsync("<i id=\"injected-actor\">auditor</i>");

            await page.GotoAsync("/ui/audit");
            await Expect(page.Locator("tr.entry[data-type='system.registered'] td[data-label='Summary'] strong")).ToHaveTextAsync(name);
            await Expect(page.Locator("tr.entry[data-type='system.registered'] + tr.detail-row pre.canonical")).ToContainTextAsync("<b id=\\\"injected\\\">");
            await Expect(page.Locator("#injected, #injected-heading, #injected-actor, script")).ToHaveCountAsync(0);
            Assert.NotEqual("x", await page.TitleAsync());
        }, server);
    }

    private static ILocator RiskOf(ILocator rows, IPage page, string name) =>
        rows.Filter(new() { Has = page.Locator(".name", new() { HasText = name }) }).Locator("td[data-label='Risk tier'] .badge");
}
