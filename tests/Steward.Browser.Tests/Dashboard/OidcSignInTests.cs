using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using Steward.Server.Tests.Oidc;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>
/// OIDC sign-in in Chromium, with the identity provider on another site (127.0.0.1) than Steward (localhost),
/// so the browser's SameSite rules apply as they would with a real provider.
/// </summary>
public sealed class OidcSignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task OidcSignIn_InChromium_CrossSite_OpensASession()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        issuer.User = new Dictionary<string, object> { ["sub"] = "user-1", ["email"] = "erin@example.com", ["roles"] = new[] { "auditor" } };
        await using var server = await StewardServerHost.StartAsync($"http://localhost:{FreePort()}",
            $"--Auth:Oidc:Authority={issuer.Issuer}", "--Auth:Oidc:Audience=steward", "--Auth:Oidc:ClientId=steward-dashboard",
            "--Auth:Oidc:RequireHttpsMetadata=false");
        Assert.Equal("localhost", server.BaseAddress.Host);

        await fixture.RunAsync(async page =>
        {
            await page.GotoAsync("/ui/audit");
            await page.Locator("#oidc-sign-in").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/ui/audit$"), new() { Timeout = 15_000 });
            await Expect(page.Locator(".session")).ToContainTextAsync("Signed in as erin@example.com");
            await Expect(page.Locator(".session .roles")).ToHaveTextAsync("auditor");
            Assert.Equal(0, issuer.RefusedTokenRequests);

            // The session survives a fresh navigation, and signing out ends it.
            await page.GotoAsync("/ui/inventory");
            await Expect(page.Locator(".session")).ToContainTextAsync("erin@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GotoAsync("/ui/inventory");
            await Expect(page).ToHaveURLAsync(new Regex(@"/ui/login\?ReturnUrl=%2Fui%2Finventory$"));
        }, server);
    }

    [Fact]
    public async Task OidcSignIn_WithoutAStewardRole_GrantsNothing()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        issuer.User = new Dictionary<string, object> { ["sub"] = "user-2", ["email"] = "frank@example.com", ["roles"] = new[] { "guest" } };
        await using var server = await StewardServerHost.StartAsync($"http://localhost:{FreePort()}",
            $"--Auth:Oidc:Authority={issuer.Issuer}", "--Auth:Oidc:Audience=steward", "--Auth:Oidc:ClientId=steward-dashboard",
            "--Auth:Oidc:RequireHttpsMetadata=false");

        await fixture.RunAsync(async page =>
        {
            await page.GotoAsync("/ui/login");
            await page.Locator("#oidc-sign-in").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/ui/login"));
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "steward.session");
        }, server);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
