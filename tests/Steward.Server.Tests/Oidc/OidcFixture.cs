namespace Steward.Server.Tests.Oidc;

/// <summary>A local OIDC issuer and a Steward server that trusts it (audience <c>steward</c>, plain HTTP metadata).</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public TestOidcIssuer Issuer { get; private set; } = null!;
    public StewardTestServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        Server = await StartStewardAsync(Issuer);
    }

    /// <summary>Starts a Steward server trusting <paramref name="issuer"/>; <paramref name="extra"/> adds or overrides settings.</summary>
    public static Task<StewardTestServer> StartStewardAsync(TestOidcIssuer issuer, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = issuer.Issuer,
            ["Auth:Oidc:Audience"] = TestOidcIssuer.Audience,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return StewardTestServer.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
