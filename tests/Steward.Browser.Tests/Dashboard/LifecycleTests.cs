using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>The system page: stage, gates with their unmet requirements, stage change requests and their record.</summary>
public sealed class LifecycleTests(DashboardFixture fixture)
{
    [Fact]
    public Task SystemsList_ShowsStageAndWhatBlocksTheNextGate() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);
        var row = page.Locator("table tbody tr").Filter(new() { Has = page.Locator(".name", new() { HasText = "credit-scoring" }) });
        await Expect(row.Locator("td[data-label='Stage']")).ToHaveTextAsync("intake");
        await Expect(row.Locator("td[data-label='Next gate'] a")).ToHaveTextAsync(new Regex(@"^risk assessment: \d+ unmet$"));
        await Expect(row.Locator("td[data-label='Next gate'] .sub")).ToContainTextAsync("risk_assessment_approved");
        await Expect(row.Locator("td[data-label='Next gate'] a")).ToHaveTextAsync("risk assessment: 2 unmet"); // the approved assessment and the intake ticket it closes
        await Expect(row.Locator("td[data-label='Next gate'] .sub")).ToHaveTextAsync("blocking_ticket_open, risk_assessment_approved");

        await row.Locator("a.name").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "credit-scoring", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".stepper li[aria-current='step']")).ToHaveTextAsync(new Regex("intake$"));
        var deployment = page.Locator(".gate[data-gate='deployment']");
        await Expect(deployment).ToHaveAttributeAsync("data-allowed", "false");
        await Expect(deployment.Locator("ul.unmet li code.rule")).ToContainTextAsync(["ethical_review", "risk_assessment_approved"]);
        // The auditor reads; only roles that may ask see the form.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request change" })).ToHaveCountAsync(0);
    });

    [Fact]
    public async Task StageChange_RefusedThenAllowed_IsShownAndRecorded()
    {
        await using var server = await StewardServerHost.StartAsync();
        var system = await server.PostAsync("/api/v1/systems", new { name = "triage-bot", owner = "ops@example.com", risk_tier = "limited" });
        var contributor = await server.CreateKeyAsync("carol@example.com", "contributor");

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, contributor, start: $"/ui/systems/{system["id"]}");
            await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("deployment");
            await page.GetByLabel("Reason (recorded)").FillAsync("launch");
            await page.GetByRole(AriaRole.Button, new() { Name = "Request change" }).ClickAsync();

            await Expect(page.Locator(".alert-error")).ToContainTextAsync("The gate refused the stage change.");
            await Expect(page.Locator(".gate[data-gate='deployment'] ul.unmet li code.rule")).ToContainTextAsync(
                ["business_approval", "ethical_review", "risk_assessment_approved"]);
            await Expect(page.Locator(".gate[data-gate='deployment']")).ToContainTextAsync("business approval is missing");
            var history = page.Locator("table tbody tr");
            await Expect(history).ToHaveCountAsync(1);
            await Expect(history.Locator("td[data-label='Reason']")).ToHaveTextAsync("launch");
            await Expect(history.Locator("td[data-label='Result']")).ToContainTextAsync("refused");

            await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("retired");
            await page.GetByRole(AriaRole.Button, new() { Name = "Request change" }).ClickAsync();
            await Expect(page.Locator(".alert-ok")).ToContainTextAsync("The system is now in retired");
            await Expect(page.Locator("dd[data-stage]")).ToHaveTextAsync("retired");
            await Expect(history).ToHaveCountAsync(2);
            await Expect(history.First.Locator("td[data-label='Actor']")).ToHaveTextAsync("carol@example.com");
            await Expect(history.First.Locator("td[data-label='Result']")).ToHaveTextAsync("changed");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request change" })).ToHaveCountAsync(0);
        }, server);
    }

    [Fact]
    public Task UnknownSystem_IsA404Page() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey);
        var response = await page.GotoAsync("/ui/systems/no-such-system");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("There is no AI system with id no-such-system.");
    });
}
