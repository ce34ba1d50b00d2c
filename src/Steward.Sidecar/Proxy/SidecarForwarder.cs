using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Steward.Sidecar.Core;

namespace Steward.Sidecar.Proxy;

/// <summary>
/// Handles every request of the sidecar: read the request, decide it (optionally), forward it with one
/// <see cref="HttpMessageInvoker"/>, read the whole answer within the size limit, decide it, and then either write it
/// to the caller unchanged (status, headers, body) or answer the denial; a denied body never leaves the sidecar.
/// </summary>
/// <remarks>
/// The request body is already in memory (the policy read it), so it goes upstream as one buffer with its length and
/// leaves in the same write as the headers; the answer is written to the caller in one flush. Forwarding by hand
/// instead of through YARP halves the sidecar's sends per request and its CPU per request.
/// </remarks>
internal sealed partial class SidecarForwarder : IDisposable
{
    private const int FlushInOneWriteBytes = 64 * 1024;

    private readonly OutputPolicyEvaluator _evaluator;
    private readonly ILogger<SidecarForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;
    private readonly string _prefix;
    private readonly TimeSpan _timeout;

    public SidecarForwarder(OutputPolicyEvaluator evaluator, SidecarOptions options, ILogger<SidecarForwarder> logger)
    {
        _evaluator = evaluator;
        _logger = logger;
        _prefix = options.Upstream.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _timeout = options.UpstreamTimeout;
        Handler = CreateHandler(options);
        _invoker = new HttpMessageInvoker(Handler);
    }

    /// <summary>The connection pool to the upstream (tests read its settings).</summary>
    internal SocketsHttpHandler Handler { get; }

    internal static SocketsHttpHandler CreateHandler(SidecarOptions options) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        MaxConnectionsPerServer = options.MaxUpstreamConnections,
        // No propagator: trace headers (traceparent, tracestate) pass to the upstream unchanged with the others, and
        // the handler chain has no DiagnosticsHandler, an async layer on every request for client spans nobody collects.
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(Math.Min(5, options.UpstreamTimeout.TotalSeconds)),
    };

    public async Task HandleAsync(HttpContext context)
    {
        if (IsUpgrade(context))
        {
            // A WebSocket (or any upgraded or tunnelled connection) would carry the model's output past the policy, frame
            // by frame: refused before the upstream is contacted, rather than silently forwarded as a plain request.
            await Problems.WriteAsync(context, StatusCodes.Status501NotImplemented, Problems.UpgradeNotProxied, "Upgraded connections are not proxied",
                $"the sidecar decides every response whole; {(HttpMethods.IsConnect(context.Request.Method) ? "CONNECT tunnels" : "protocol upgrades (" + context.Request.Headers.Upgrade + ")")} would pass the policy unchecked").ConfigureAwait(false);
            return;
        }

        var state = await _evaluator.ReadRequestAsync(context).ConfigureAwait(false);
        if (state is null || !await _evaluator.CheckRequestAsync(context, state).ConfigureAwait(false)) return;
        state = state with { StartedTimestamp = _evaluator.Time.GetTimestamp() };

        using var request = ForwardedRequest.Create(context, _prefix, state.Body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(_timeout);
        HttpResponseMessage? response = null;
        byte[]? body;
        try
        {
            response = await _invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
            body = await ReadBodyAsync(response.Content, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            response?.Dispose();
            if (context.RequestAborted.IsCancellationRequested) return;
            LogUpstreamError(_logger, e.Message);
            if (timeout.IsCancellationRequested)
            {
                await Problems.WriteAsync(context, StatusCodes.Status504GatewayTimeout, Problems.UpstreamTimeout, "The model endpoint did not answer in time",
                    $"no answer from the upstream within {_timeout.TotalMilliseconds:0} ms").ConfigureAwait(false);
            }
            else
            {
                await Problems.WriteAsync(context, StatusCodes.Status502BadGateway, Problems.UpstreamUnavailable, "The model endpoint could not be reached",
                    $"forwarding failed: {e.Message}").ConfigureAwait(false);
            }

            return;
        }

        using (response)
        {
            if (body is null)
            {
                await _evaluator.WithholdOversizedAsync(context, state, StatusCodes.Status502BadGateway).ConfigureAwait(false);
                return;
            }

            var content = response.Content.Headers;
            var snapshot = new ResponseSnapshot(
                (int)response.StatusCode,
                content.ContentType?.ToString(),
                content.ContentEncoding.Count == 0 ? null : string.Join(", ", content.ContentEncoding),
                body,
                _evaluator.Time.GetElapsedTime(state.StartedTimestamp));
            var decision = await _evaluator.DecideResponseAsync(context, state, snapshot).ConfigureAwait(false);
            if (!decision.Allowed)
            {
                await Problems.WriteDenialAsync(context, decision, "response").ConfigureAwait(false);
                return;
            }

            await WriteAnswerAsync(context, response, body).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The whole body, or null when it is larger than the limit. The upstream time limit starts again when the headers
    /// have arrived and then covers the whole body (as YARP's activity timeout did while the policy read the body).
    /// </summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationTokenSource timeout)
    {
        var limit = _evaluator.Options.MaxBodyBytes;
        var declared = content.Headers.ContentLength;
        if (declared > limit) return null;
        timeout.CancelAfter(_timeout);
        var stream = await content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await Bodies.ReadCappedAsync(stream, limit, timeout.Token, declared).ConfigureAwait(false);
        }
    }

    /// <summary>A request to switch protocols: HTTP/1.1 <c>Upgrade</c> (WebSocket, h2c), HTTP/2 extended CONNECT, or CONNECT.</summary>
    private static bool IsUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true }
        || HttpMethods.IsConnect(context.Request.Method);

    /// <summary>Status, the upstream's end-to-end headers and the body, flushed to the caller together.</summary>
    private static async Task WriteAnswerAsync(HttpContext context, HttpResponseMessage upstream, byte[] body)
    {
        var response = context.Response;
        var status = (int)upstream.StatusCode;
        response.StatusCode = status;
        if (upstream.ReasonPhrase is { } reason && !string.Equals(reason, ReasonPhrases.GetReasonPhrase(status), StringComparison.Ordinal))
            context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = reason;

        var headers = response.Headers;
        Copy(upstream.Headers, headers);
        Copy(upstream.Content.Headers, headers);
        // A chunked answer that also named a length: the chunking wins (RFC 9112 section 6.3), and the length is dropped.
        if (upstream.Headers.TransferEncodingChunked == true) headers.Remove("Content-Length");
        // No body may follow these statuses, so a Content-Length: 0 describes nothing and Kestrel would refuse it.
        if (status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified && headers.ContentLength == 0) headers.Remove("Content-Length");

        if (body.Length > 0)
        {
            if (body.Length <= FlushInOneWriteBytes) response.BodyWriter.Write(body);
            else await response.BodyWriter.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        if (upstream.TrailingHeaders.NonValidated.Count > 0 && response.SupportsTrailers())
        {
            foreach (var (name, values) in upstream.TrailingHeaders.NonValidated)
            {
                if (!HopByHop.Skip(name)) response.AppendTrailer(name, Values(values));
            }
        }

        await response.CompleteAsync().ConfigureAwait(false);
    }

    private static void Copy(HttpHeaders from, IHeaderDictionary to)
    {
        // The raw values as received: the validated view would parse each value and print it again.
        foreach (var (name, values) in from.NonValidated)
        {
            if (!HopByHop.Skip(name)) to[name] = Values(values);
        }
    }

    private static StringValues Values(HeaderStringValues values)
    {
        if (values.Count == 1) return values.ToString();
        var all = new string[values.Count];
        var i = 0;
        foreach (var value in values) all[i++] = value;
        return all;
    }

    public void Dispose() => _invoker.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to the upstream failed: {Message}")]
    private static partial void LogUpstreamError(ILogger logger, string message);
}
