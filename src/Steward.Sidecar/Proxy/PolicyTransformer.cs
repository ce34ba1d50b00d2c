using Microsoft.AspNetCore.Http;
using Steward.Sidecar.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Steward.Sidecar.Proxy;

/// <summary>
/// YARP's default transforms plus the policy: the upstream answer is read in full (within the size limit) before
/// anything is sent to the client, decided, and then either passed through unchanged (status, headers, body) or
/// replaced by the denial; a denied body never leaves the sidecar.
/// </summary>
internal sealed class PolicyTransformer(OutputPolicyEvaluator evaluator, RequestState state) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);

        // Ask for an uncompressed answer so that the policy reads it as sent; a compressed one is still decoded to decide.
        proxyRequest.Headers.AcceptEncoding.Clear();
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is null)
        {
            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        }

        var limit = evaluator.Options.MaxBodyBytes;
        var original = proxyResponse.Content;
        byte[]? body;
        if (original.Headers.ContentLength > limit)
        {
            body = null;
        }
        else
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = await Bodies.ReadCappedAsync(stream, limit, cancellationToken, original.Headers.ContentLength).ConfigureAwait(false);
            }
        }

        if (body is null)
        {
            await evaluator.WithholdOversizedAsync(httpContext, state, StatusCodes.Status502BadGateway).ConfigureAwait(false);
            return false;
        }

        var snapshot = new ResponseSnapshot(
            (int)proxyResponse.StatusCode,
            original.Headers.ContentType?.ToString(),
            original.Headers.ContentEncoding.Count == 0 ? null : string.Join(", ", original.Headers.ContentEncoding),
            body,
            evaluator.Time.GetElapsedTime(state.StartedTimestamp));
        var decision = await evaluator.DecideResponseAsync(httpContext, state, snapshot).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            await Problems.WriteDenialAsync(httpContext, decision, "response").ConfigureAwait(false);
            return false;
        }

        proxyResponse.Content = new BufferedContent(body, original);
        original.Dispose();
        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
    }
}
