using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public Task Ui_WithoutSession_RedirectsToSignIn_WithStrictHeaders() => fixture.RunAsync(async page =>
    {
        var response = await page.GotoAsync("/ui/audit");

        await Expect(page).ToHaveURLAsync(new Regex(@"/ui/login\?ReturnUrl=%2Fui%2Faudit$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("type", "password");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
    });

    [Fact]
    public Task SignIn_WithWrongKey_ShowsErrorAndGrantsNothing() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, "stw_00000000_this-key-does-not-exist-0000000000");

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Sign-in failed");
        await Expect(alert).ToContainTextAsync("That API key was not accepted: it is unknown, revoked or expired.");
        await Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveURLAsync(new Regex("/ui/login$"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "steward.session");
    });

    [Fact]
    public Task SignIn_ReturnsToTheRequestedPage_AndShowsWhoIsSignedIn() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.AuditorKey, start: "/ui/audit");

        await Expect(page).ToHaveURLAsync(new Regex("/ui/audit$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".session")).ToContainTextAsync("Signed in as auditor@example.com");
        await Expect(page.Locator(".session .roles")).ToHaveTextAsync("auditor");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveAttributeAsync("aria-current", "page");
    });

    [Fact]
    public Task SignOut_EndsTheSession() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, fixture.Seed.ApproverKey);
        await Expect(page).ToHaveURLAsync(new Regex("/ui/inventory$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/ui/login\?signedOut=1$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync("/ui/inventory");
        await Expect(page).ToHaveURLAsync(new Regex(@"/ui/login\?ReturnUrl=%2Fui%2Finventory$"));
    });

    [Fact]
    public async Task RevokingTheKey_EndsItsDashboardSession()
    {
        await using var server = await StewardServerHost.StartAsync();
        var key = await server.PostAsync("/api/v1/api-keys", new { name = "short-lived@example.com", roles = new[] { "auditor" } });
        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, key["key"]!.GetValue<string>());
            await Expect(page).ToHaveURLAsync(new Regex("/ui/inventory$"));

            using var admin = server.Client();
            (await admin.DeleteAsync($"/api/v1/api-keys/{key["id"]}")).EnsureSuccessStatusCode();

            await page.GotoAsync("/ui/audit");
            await Expect(page).ToHaveURLAsync(new Regex(@"/ui/login\?ReturnUrl=%2Fui%2Faudit$"));
        }, server);
    }
}
