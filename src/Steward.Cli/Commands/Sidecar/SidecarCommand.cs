using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Steward.Cli.Infrastructure;
using Steward.Policy;
using Steward.Policy.Decisions;
using Steward.Sidecar;

namespace Steward.Cli.Commands.Sidecar;

/// <summary>
/// <c>steward sidecar</c>: a reverse proxy in front of a model endpoint that decides a Rego policy on every response
/// (and optionally every request) and withholds what the policy denies. Runs until stopped.
/// </summary>
internal static class SidecarCommand
{
    public static Command Create(CliContext context)
    {
        var o = new SidecarOptionSet();
        var command = new Command("sidecar", "Run the output-validation sidecar in front of a model endpoint");
        foreach (var option in o.All) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CheckCombinations(parseResult, o, context);
            var options = ToOptions(parseResult, o, context);
            WebApplication app;
            try
            {
                app = SidecarHost.Build(options);
            }
            catch (RegoCompileException ex)
            {
                throw new CliException($"the policy does not compile: {ex.Errors.Count} error(s), first: {ex.Errors[0]}", ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                throw new CliException(ex.Message, ex);
            }

            await using (app)
            {
                await app.StartAsync(cancellationToken);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
                var engine = options.OpaUrl is not null ? $"remote OPA {options.OpaUrl}" : $"bundle {options.Bundle}";
                await context.Out.WriteLineAsync($"steward sidecar listening on {address}, forwarding to {options.Upstream} ({options.Policy}, {engine}{InlineIoNote(options)})");
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }

    /// <summary>How requests are scheduled, when <c>--inline-io</c> is on (the runtime half is read from the environment at start).</summary>
    private static string InlineIoNote(SidecarOptions options)
    {
        if (!options.InlineIo) return "";
        var runtime = Environment.GetEnvironmentVariable(SidecarRuntime.InlineCompletionsVariable);
        return runtime == "1" ? ", inline I/O" : $", inline I/O in Kestrel only: {SidecarRuntime.InlineCompletionsVariable} is '{runtime}'";
    }

    /// <summary>Checks options that depend on each other (after each option passed its own check).</summary>
    private static void CheckCombinations(ParseResult r, SidecarOptionSet o, CliContext context)
    {
        if (r.GetValue(o.Bundle) is null == r.GetValue(o.OpaUrl) is null)
            throw new CliException("give exactly one engine: --bundle DIR (embedded) or --opa-url URL (remote OPA)");
        var server = r.GetValue(o.Server);
        if (server is not null && string.IsNullOrWhiteSpace(r.GetValue(o.ApiKey) ?? context.GetEnvironmentVariable("STEWARD_API_KEY")))
            throw new CliException("--server needs an API key: --api-key or STEWARD_API_KEY");
        if (server is null && r.GetValue(o.ApiKey) is not null)
            throw new CliException("--api-key is only used with --server");
    }

    private static SidecarOptions ToOptions(ParseResult r, SidecarOptionSet o, CliContext context)
    {
        var server = r.GetValue(o.Server);
        var output = new OutputPolicyOptions
        {
            Source = "sidecar",
            CheckRequest = r.GetValue(o.CheckRequest),
            SampleAllows = SidecarOptionSet.ParseFraction(r.GetValue(o.SampleAllows)),
            MaxBodyBytes = SidecarOptionSet.ParseWhole(r.GetValue(o.MaxBodyBytes)) ?? 4 * 1024 * 1024,
            Model = r.GetValue(o.Model),
            Endpoint = r.GetValue(o.Endpoint) ?? "default",
            Server = server is null ? null : new Uri(server),
            ApiKey = server is null ? null : (r.GetValue(o.ApiKey) ?? context.GetEnvironmentVariable("STEWARD_API_KEY")),
            DecisionLogFile = r.GetValue(o.DecisionLog),
            MonitorId = r.GetValue(o.Monitor),
            MonitorSample = r.GetValue(o.MonitorSample) is { } sample ? SidecarOptionSet.ParseFraction(sample) : 1,
        };
        var timeout = SidecarOptionSet.ParseWhole(r.GetValue(o.TimeoutMs));
        var upstreamTimeout = SidecarOptionSet.ParseWhole(r.GetValue(o.UpstreamTimeoutMs));
        var opa = r.GetValue(o.OpaUrl);
        return new SidecarOptions
        {
            Listen = new Uri(r.GetRequiredValue(o.Listen)),
            Upstream = new Uri(r.GetRequiredValue(o.Upstream)),
            Policy = PolicyPath.Parse(r.GetRequiredValue(o.Policy)),
            Bundle = r.GetValue(o.Bundle),
            OpaUrl = opa is null ? null : new Uri(opa),
            DecisionTimeout = timeout is null ? null : TimeSpan.FromMilliseconds(timeout.Value),
            UpstreamTimeout = upstreamTimeout is null ? TimeSpan.FromSeconds(100) : TimeSpan.FromMilliseconds(upstreamTimeout.Value),
            MaxUpstreamConnections = (int)(SidecarOptionSet.ParseWhole(r.GetValue(o.MaxUpstreamConnections)) ?? 256),
            InlineIo = r.GetValue(o.InlineIo),
            Output = output,
        };
    }
}
