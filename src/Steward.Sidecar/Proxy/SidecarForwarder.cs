using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Steward.Sidecar.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Steward.Sidecar.Proxy;

/// <summary>Handles every request of the sidecar: read, decide the request (optionally), forward, decide the response.</summary>
internal sealed partial class SidecarForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly OutputPolicyEvaluator _evaluator;
    private readonly ILogger<SidecarForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;
    private readonly ForwarderRequestConfig _config;
    private readonly string _prefix;

    public SidecarForwarder(IHttpForwarder forwarder, OutputPolicyEvaluator evaluator, SidecarOptions options, ILogger<SidecarForwarder> logger)
    {
        _forwarder = forwarder;
        _evaluator = evaluator;
        _logger = logger;
        _prefix = options.Upstream.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            // No propagator: trace headers (traceparent, tracestate) pass to the upstream unchanged with the others, and
            // the handler chain has no DiagnosticsHandler, an async layer on every request for client spans nobody collects.
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(5, options.UpstreamTimeout.TotalSeconds)),
        });
        _config = new ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout };
    }

    public async Task HandleAsync(HttpContext context)
    {
        var state = await _evaluator.ReadRequestAsync(context).ConfigureAwait(false);
        if (state is null || !await _evaluator.CheckRequestAsync(context, state).ConfigureAwait(false)) return;
        state = state with { StartedTimestamp = _evaluator.Time.GetTimestamp() };
        var error = await _forwarder.SendAsync(context, _prefix, _invoker, _config, new PolicyTransformer(_evaluator, state)).ConfigureAwait(false);
        if (error is ForwarderError.None or ForwarderError.RequestCanceled || context.Response.HasStarted) return;

        var failure = context.GetForwarderErrorFeature()?.Exception;
        LogUpstreamError(_logger, error, failure?.Message ?? "");
        if (error is ForwarderError.RequestTimedOut)
        {
            await Problems.WriteAsync(context, StatusCodes.Status504GatewayTimeout, Problems.UpstreamTimeout, "The model endpoint did not answer in time",
                $"no answer from the upstream within {_config.ActivityTimeout?.TotalMilliseconds:0} ms").ConfigureAwait(false);
        }
        else
        {
            await Problems.WriteAsync(context, StatusCodes.Status502BadGateway, Problems.UpstreamUnavailable, "The model endpoint could not be reached",
                $"forwarding failed ({error}): {failure?.Message}").ConfigureAwait(false);
        }
    }

    public void Dispose() => _invoker.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to the upstream failed: {Error} {Message}")]
    private static partial void LogUpstreamError(ILogger logger, ForwarderError error, string message);
}
