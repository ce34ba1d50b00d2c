using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Steward.Sidecar.Proxy;

/// <summary>
/// The request sent upstream, built from the caller's as YARP's default transform built it: same method, path and
/// query under the upstream's prefix, every header but the hop-by-hop ones, <c>Host</c> (the upstream's own is sent)
/// and <c>Accept-Encoding</c> (the policy reads the answer uncompressed); no <c>X-Forwarded-*</c> headers are added.
/// </summary>
internal static class ForwardedRequest
{
    public static HttpRequestMessage Create(HttpContext context, string prefix, byte[] body)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(HttpMethod.Parse(incoming.Method), new Uri(prefix + incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent()))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (body.Length > 0 || canHaveBody) request.Content = new ByteArrayContent(body);

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Skip(name) || Dropped(name)) continue;
            if (values.Count == 1)
            {
                Add(request, name, values.ToString());
            }
            else if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                // HTTP/1.1 allows one Cookie line only (RFC 6265 section 5.4): several are joined with "; ".
                Add(request, name, string.Join("; ", (IEnumerable<string?>)values));
            }
            else if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // The one TE value HTTP/2 allows through (gRPC needs it); the caller's other TE values are for its own hop.
        if (incoming.Protocol is "HTTP/2" or "HTTP/3" && incoming.Headers.TE.ToString().Contains("trailers", StringComparison.OrdinalIgnoreCase))
            request.Headers.TryAddWithoutValidation("TE", "trailers");
        return request;
    }

    /// <summary>A request header, or a content header (<c>Content-Type</c>, ...) when there is a body; otherwise dropped, as YARP did.</summary>
    private static void Add(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>
    /// Headers the sidecar sets itself: the upstream's <c>Host</c>, the body's real <c>Content-Length</c>, no
    /// <c>Accept-Encoding</c>, and no <c>Expect</c> (the sidecar already holds the whole body, so waiting for the
    /// upstream's <c>100 Continue</c> would only delay it).
    /// </summary>
    private static bool Dropped(string name) =>
        name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Expect", StringComparison.OrdinalIgnoreCase);
}
