using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Steward.Governance;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Server.Hosting;

/// <summary>
/// Prepares the store before Kestrel listens (schema, ledger key, bootstrap admin key) and, once listening,
/// prints where the platform is and, on first start only, the bootstrap admin key.
/// </summary>
internal sealed class StartupService(
    GovernanceStartup startup, TemplateCatalog assessmentTemplates, StoreOptions store, CheckpointService checkpoints, BannerWriter banner,
    IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await startup.InitializeAsync(configuration["BOOTSTRAP_KEY"] ?? Environment.GetEnvironmentVariable("STEWARD_BOOTSTRAP_KEY"), cancellationToken);
        await assessmentTemplates.InitializeAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() => WriteBanner(created));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WriteBanner(string? createdKey)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = urls.FirstOrDefault() ?? "http://localhost:5080";
        var w = banner.Writer;
        w.WriteLine($"Steward is running on {string.Join(", ", urls)}");
        w.WriteLine($"  dashboard: {first}/ui");
        w.WriteLine($"  API docs:  {first}/docs");
        w.WriteLine($"  store:     {store.Provider} ({(store.Provider == "sqlite" ? SqliteDatabase.FileIn(store.DataDirectory) : "PostgreSQL")})");
        w.WriteLine($"  ledger:    origin {checkpoints.Origin}, verifier key {checkpoints.VerifierKey}");
        if (createdKey is not null)
        {
            w.WriteLine();
            w.WriteLine("  Bootstrap admin API key (shown once; also saved with mode 0600 in");
            w.WriteLine($"  {Path.Combine(store.DataDirectory, GovernanceStartup.BootstrapKeyFile)}):");
            w.WriteLine($"    {createdKey}");
        }
        w.Flush();
    }
}
