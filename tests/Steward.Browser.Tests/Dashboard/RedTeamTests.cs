using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>/ui/redteam on a server of its own (the shared seeded server's ledger stays as the other tests expect it).</summary>
public sealed class RedTeamTests(DashboardFixture fixture) : IAsyncLifetime
{
    private StewardServerHost _server = null!;
    private string _auditorKey = "";
    private JsonObject _accepted = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardServerHost.StartAsync();
        var chatbot = (await _server.PostAsync("/api/v1/systems", new { name = "support-chatbot", owner = "cx@example.com", risk_tier = "limited" }))["id"]!.GetValue<string>();
        var scoring = (await _server.PostAsync("/api/v1/systems", new { name = "credit-scoring", owner = "risk@example.com", risk_tier = "high" }))["id"]!.GetValue<string>();
        var approver = await _server.CreateKeyAsync("approver@example.com", "approver");
        _auditorKey = await _server.CreateKeyAsync("auditor@example.com", "auditor");
        var exercise = await _server.PostAsync("/api/v1/redteam/exercises", new
        {
            system_id = chatbot, name = "Q4 prompt-injection sprint", scope = "public chat endpoint", starts_on = "2026-11-02", ends_on = "2026-11-06",
            team = new[] { "ann@example.com", "bo@example.com" }, status = "completed",
        });
        async Task<JsonObject> Finding(string system, string title, string severity, string[] atlas, string[] owasp) =>
            await _server.PostAsync("/api/v1/redteam/findings", new
            {
                system_id = system, exercise_id = system == chatbot ? exercise["id"]!.GetValue<string>() : null, title,
                description = $"{title}: reproduced three times <script>alert(1)</script>", severity, atlas, owasp_llm = owasp,
            });
        await Finding(chatbot, "Canary leaked via injected document", "critical", ["AML.T0051.001"], ["LLM01"]);
        await Finding(chatbot, "System prompt extractable", "high", ["AML.T0056"], ["LLM07"]);
        var accepted = await Finding(chatbot, "Verbose error messages", "high", ["AML.T0069"], []);
        var mitigated = await Finding(scoring, "Label flips under typos", "medium", ["AML.T0043"], []);
        await Finding(scoring, "Model card missing limits", "low", [], []);
        var decision = await _server.PostAsync("/api/v1/decisions", new
        {
            type = "risk_acceptance", subject = new { kind = "system", id = chatbot }, outcome = "approved", rationale = "errors reveal nothing secret",
        }, approver);
        _accepted = await _server.PostAsync($"/api/v1/redteam/findings/{accepted["id"]}/status", new
        {
            status = "risk_accepted", risk_acceptance_decision = decision["id"]!.GetValue<string>(), note = "accepted for one quarter",
        }, approver);
        await _server.PostAsync($"/api/v1/redteam/findings/{mitigated["id"]}/status", new { status = "mitigated", note = "input normalisation" });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task Findings_OpenCriticalAndHighAreHighlighted_AndExercisesListed() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, _auditorKey, start: "/ui/redteam");
        await Expect(page).ToHaveURLAsync(new Regex("/ui/redteam$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Red team" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("#attention")).ToContainTextAsync("2 open critical or high findings.");

        var rows = page.Locator("#findings tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        var highlighted = page.Locator("#findings tbody tr.attention .name");
        await Expect(highlighted).ToHaveTextAsync(["Canary leaked via injected document", "System prompt extractable"]);
        var accepted = rows.Filter(new() { HasText = "Verbose error messages" });
        await Expect(accepted).Not.ToHaveClassAsync(new Regex("attention"));
        await Expect(accepted.Locator("td[data-label='Status']")).ToContainTextAsync("risk accepted");
        await Expect(accepted.Locator("td[data-label='Status'] code")).ToHaveAttributeAsync("title", _accepted["risk_acceptance"]!.GetValue<string>());
        var critical = rows.Filter(new() { HasText = "Canary leaked" });
        await Expect(critical.Locator(".severity-critical")).ToHaveTextAsync("critical");
        await Expect(critical.Locator("td[data-label='ATLAS / OWASP'] code").First).ToHaveAttributeAsync("title", "Indirect");
        await Expect(critical.Locator("td[data-label='System']")).ToHaveTextAsync("support-chatbot");
        await Expect(critical.Locator(".sub")).ToContainTextAsync("<script>alert(1)</script>"); // shown as text, not run

        var exercise = page.Locator("#exercises tbody tr");
        await Expect(exercise).ToHaveCountAsync(1);
        await Expect(exercise.Locator("td[data-label='Dates']")).ToHaveTextAsync("2026-11-02 – 2026-11-06");
        await Expect(exercise.Locator("td[data-label='Team']")).ToHaveTextAsync("ann@example.com, bo@example.com");
    }, _server);

    [Fact]
    public Task Filters_BySeverityAndStatus_AndRefuseUnknownValues() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, _auditorKey, start: "/ui/redteam");
        await page.GetByLabel("Severity").SelectOptionAsync("high");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/ui/redteam\?severity=high&status=&system_id=$"));
        await Expect(page.Locator("#findings tbody tr .name")).ToHaveTextAsync(["System prompt extractable", "Verbose error messages"]);

        await page.GetByLabel("Status").SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("#findings tbody tr .name")).ToHaveTextAsync(["System prompt extractable"]);

        await page.GetByLabel("Severity").SelectOptionAsync("info");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator("#findings")).ToHaveTextAsync("No findings match these filters.");

        await page.GotoAsync("/ui/redteam?severity=urgent&status=mitigated");
        await Expect(page.Locator(".alert-error[role='alert']")).ToContainTextAsync("Severity must be one of critical, high, medium, low, info");
        await Expect(page.Locator("#findings tbody tr .name")).ToHaveTextAsync(["Label flips under typos"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page.Locator("#findings tbody tr")).ToHaveCountAsync(5);
    }, _server);
}
