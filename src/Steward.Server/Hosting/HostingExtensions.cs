using System.ComponentModel.DataAnnotations;
using Steward.Governance;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Storage;

namespace Steward.Server.Hosting;

/// <summary>Configuration, the governance domain and background services.</summary>
internal static class HostingExtensions
{
    public static void AddStewardConfiguration(this WebApplicationBuilder builder, StewardServerOptions options, string[] args)
    {
        // Quiet defaults; any configuration source below overrides them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            },
        });
        if (options.ConfigFile is { } file)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"configuration file {file} does not exist", file);
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
        }
        builder.Configuration.AddEnvironmentVariables("STEWARD_");
        // Command-line settings (--Section:Key=Value) beat the file and the environment, as on any command line.
        builder.Configuration.AddCommandLine(args);
        var overrides = new Dictionary<string, string?>();
        void Set(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) overrides[key] = value;
        }
        Set("Server:Urls", options.Urls);
        Set("Store:DataDirectory", options.DataDirectory);
        Set("Store:Provider", options.Store);
        Set("Store:ConnectionString", options.ConnectionString);
        Set("Ledger:Origin", options.Origin);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls((builder.Configuration["Server:Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries));

        builder.Services.AddOptions<ServerOptions>().BindConfiguration("Server").ValidateDataAnnotations().ValidateOnStart();
        var limit = builder.Configuration.GetValue<long?>("Server:MaxRequestBodyBytes") ?? ServerOptions.DefaultMaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limit);
    }

    public static void AddStewardGovernance(this WebApplicationBuilder builder)
    {
        var store = builder.Configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        store.DataDirectory = Path.GetFullPath(store.DataDirectory);
        var ledger = builder.Configuration.GetSection("Ledger").Get<LedgerOptions>() ?? new LedgerOptions();
        var lifecycle = builder.Configuration.GetSection("Lifecycle").Get<LifecycleOptions>() ?? new LifecycleOptions();
        if (lifecycle.GateTimeoutMs is < 1 or > 60_000)
            throw new InvalidOperationException("Lifecycle:GateTimeoutMs must be between 1 and 60000");
        Directory.CreateDirectory(store.DataDirectory);
        builder.Services.AddSingleton(lifecycle);
        builder.Services.AddStewardGovernance(store, ledger);
    }

    public static void AddStewardHosting(this WebApplicationBuilder builder, StewardServerOptions options)
    {
        builder.Services.AddSingleton(new BannerWriter(options.Console ?? Console.Out));
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService<CheckpointWorker>();
    }
}

/// <summary>HTTP server settings (section <c>Server</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>Default largest request body: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1 << 20;

    /// <summary>Listen URLs separated by ';'.</summary>
    public string Urls { get; set; } = "http://localhost:5080";

    /// <summary>Largest accepted request body in bytes (413 above).</summary>
    [Range(1024, 1L << 32)]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
