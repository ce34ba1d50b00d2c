using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Policy;
using Steward.Policy.Decisions;
using Steward.Sidecar.Policies;
using Steward.Sidecar.Proxy;

namespace Steward.Sidecar;

/// <summary>Builds the sidecar: a Kestrel server that forwards every request to the upstream and decides each answer.</summary>
public static class SidecarHost
{
    /// <summary>Builds the sidecar application (not started).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="configureLogging">Adjusts logging (e.g. the minimum level), or null for warnings to the console.</param>
    /// <returns>The application; <c>StartAsync</c> or <c>RunAsync</c> it.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidDataException">The bundle cannot be read.</exception>
    /// <exception cref="RegoCompileException">The bundle's policy does not compile.</exception>
    public static WebApplication Build(SidecarOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var engine = CreateEngine(options);
        var output = options.Output;
        output.DecisionPoint = engine;
        output.Policy = options.Policy;
        if (output.Endpoint == "default") output.Endpoint = options.Upstream.Authority;
        output.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // Hosting opens a logging scope for every request whenever its category is enabled at all; it logs nothing the
        // sidecar needs (request start and finish at Information), so it is off rather than filtered per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Listen.GetLeftPart(UriPartial.Authority));
        if (options.InlineIo) builder.WebHost.UseSockets(s => s.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null; // the sidecar applies its own limit and answers 413 problem details
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddStewardOutputPolicy(o => Copy(output, o));
        builder.Services.AddSingleton<SidecarForwarder>();

        var app = builder.Build();
        var forwarder = app.Services.GetRequiredService<SidecarForwarder>();
        app.Run(forwarder.HandleAsync);
        return app;
    }

    /// <summary>The engine the options name: the embedded engine over a bundle, or a remote OPA server.</summary>
    internal static IPolicyDecisionPoint CreateEngine(SidecarOptions options)
    {
        if (options.DecisionPoint is not null) return options.DecisionPoint;
        if (options.OpaUrl is not null)
        {
            var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = Timeout.InfiniteTimeSpan };
            return new RemoteOpaDecisionPoint(http, new RemoteOpaOptions
            {
                BaseAddress = options.OpaUrl,
                Timeout = options.DecisionTimeout ?? TimeSpan.FromMilliseconds(250),
            });
        }

        var bundle = PolicyBundle.Load(options.Bundle!);
        var policy = CompiledPolicy.Compile(bundle.Modules, SidecarBuiltins.Create(options.PiiDetector, options.PiiAnalyzer));
        return new EmbeddedDecisionPoint(policy, new EmbeddedDecisionOptions
        {
            Data = bundle.Data,
            Timeout = options.DecisionTimeout ?? TimeSpan.FromMilliseconds(50),
        });
    }

    private static void Copy(OutputPolicyOptions from, OutputPolicyOptions to)
    {
        to.DecisionPoint = from.DecisionPoint;
        to.Policy = from.Policy;
        to.Endpoint = from.Endpoint;
        to.EndpointSelector = from.EndpointSelector;
        to.Model = from.Model;
        to.MaxBodyBytes = from.MaxBodyBytes;
        to.CheckRequest = from.CheckRequest;
        to.SampleAllows = from.SampleAllows;
        to.Server = from.Server;
        to.ApiKey = from.ApiKey;
        to.DecisionLogFile = from.DecisionLogFile;
        to.MonitorId = from.MonitorId;
        to.MonitorSample = from.MonitorSample;
        to.Source = from.Source;
        to.LogBatchSize = from.LogBatchSize;
        to.LogFlushInterval = from.LogFlushInterval;
        to.LogQueueCapacity = from.LogQueueCapacity;
        to.LogMaxAttempts = from.LogMaxAttempts;
    }
}
