using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>The Policies page over its own server: modules with versions, test results, decisions with deny reasons.</summary>
public sealed class PoliciesTests(DashboardFixture fixture)
{
    private const string Policy = """
        package ai_policy

        default allow := false

        allow if input.score >= 0.5

        deny contains "score below 0.5" if input.score < 0.5
        """;

    private const string Tests = """
        package ai_policy_test

        import data.ai_policy

        test_high_score_allowed if ai_policy.allow with input as {"score": 0.9}

        test_deliberately_wrong if ai_policy.allow with input as {"score": 0.1}
        """;

    [Fact]
    public async Task Policies_ShowModulesVersionsTestsAndDecisions()
    {
        await using var server = await StewardServerHost.StartAsync();
        using (var admin = server.Client())
        {
            await Put(admin, "ai/policy.rego", Policy.Replace("0.5", "0.4", StringComparison.Ordinal));
            await Put(admin, "ai/policy.rego", Policy);
            await Put(admin, "ai/policy_test.rego", Tests);
            foreach (var score in new[] { 0.2, 0.3, 0.9, 0.1 })
            {
                var answer = await admin.PostAsJsonAsync("/v1/data/ai_policy", new { input = new { score, endpoint = "credit-api" } });
                answer.EnsureSuccessStatusCode();
            }
        }

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, StewardServerHost.AdminKey, start: "/ui/policies");
            await Expect(page).ToHaveURLAsync(new Regex("/ui/policies$"));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Policies", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

            var module = page.Locator("#modules tbody tr", new() { HasText = "ai/policy.rego" });
            await Expect(module.Locator("td[data-label='Version']")).ToHaveTextAsync("2");
            await Expect(module.Locator("td[data-label='Package']")).ToHaveTextAsync("data.ai_policy");
            await module.Locator("td[data-label='History'] summary").ClickAsync();
            await Expect(module.Locator("td[data-label='History'] li")).ToHaveCountAsync(2);

            await Expect(page.Locator("#test-summary")).ToContainTextAsync("PASS: 1/2");
            await Expect(page.Locator("#tests tbody tr", new() { HasText = "test_deliberately_wrong" }).Locator(".badge")).ToHaveTextAsync("FAIL");
            await Expect(page.Locator("#tests tbody tr", new() { HasText = "test_high_score_allowed" }).Locator(".badge")).ToHaveTextAsync("PASS");

            var rows = page.Locator("#decisions tbody tr");
            await Expect(rows).ToHaveCountAsync(4);
            await Expect(rows.First.Locator("td[data-label='Outcome']")).ToHaveTextAsync("denied");
            await Expect(rows.First.Locator("td[data-label='Reasons']")).ToHaveTextAsync("score below 0.5");
            await Expect(rows.First.Locator("td[data-label='In a row']")).ToHaveTextAsync("1");
            await Expect(rows.Nth(2).Locator("td[data-label='In a row']")).ToHaveTextAsync("2");

            await page.GetByRole(AriaRole.Link, new() { Name = "Allowed", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("outcome=allowed"));
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First.Locator("td[data-label='Outcome']")).ToHaveTextAsync("allowed");
        }, server);
    }

    [Fact]
    public async Task Policies_BadFilters_AreExplained_NotFatal()
    {
        await using var server = await StewardServerHost.StartAsync();
        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, StewardServerHost.AdminKey, start: "/ui/policies?outcome=maybe&cursor=%25%25");
            await Expect(page.Locator(".alert-error")).ToContainTextAsync("outcome filter");
            await Expect(page.Locator(".alert-error")).ToContainTextAsync("page link is not valid");
            await Expect(page.Locator("#modules-title")).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("steward/gates.rego");
        }, server);
    }

    private static async Task Put(HttpClient client, string id, string rego)
    {
        using var content = new StringContent(rego, Encoding.UTF8, "text/plain");
        var response = await client.PutAsync($"/v1/policies/{id}", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
