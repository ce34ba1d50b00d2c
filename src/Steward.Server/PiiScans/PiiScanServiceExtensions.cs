using Steward.Governance.Storage;

namespace Steward.Server.PiiScans;

/// <summary>Wires server-side dataset scans into the host.</summary>
internal static class PiiScanServiceExtensions
{
    public static WebApplicationBuilder AddStewardPiiScans(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("PiiScans").Get<PiiScanOptions>() ?? new PiiScanOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PiiScanWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PiiScanWorker>());
        return builder;
    }

    /// <summary>Where uploads wait to be scanned: a folder in the data directory (never the system temp folder, which may be small).</summary>
    public static string UploadFolder(StoreOptions store)
    {
        var folder = Path.Combine(store.DataDirectory, "pii-scan-uploads");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
