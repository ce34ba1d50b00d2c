using Steward.Policy.Decisions;
using Steward.Sidecar.Policies;

namespace Steward.Sidecar;

/// <summary>The sidecar proxy's settings (what <c>steward sidecar</c> takes on its command line).</summary>
public sealed class SidecarOptions
{
    /// <summary>The address the sidecar listens on, e.g. <c>http://127.0.0.1:8080</c> (port 0 picks a free port).</summary>
    public required Uri Listen { get; init; }

    /// <summary>The model endpoint responses come from, e.g. <c>http://127.0.0.1:9000</c>; the request path is appended.</summary>
    public required Uri Upstream { get; init; }

    /// <summary>The policy package decided. Default <c>data.ai_policy</c>.</summary>
    public PolicyPath Policy { get; init; } = PolicyPath.Parse("data.ai_policy");

    /// <summary>A bundle directory (<c>.rego</c> and <c>data.json</c>/<c>data.yaml</c> files) for the embedded engine.</summary>
    public string? Bundle { get; init; }

    /// <summary>A remote OPA server to decide with instead of the embedded engine.</summary>
    public Uri? OpaUrl { get; init; }

    /// <summary>An engine to use instead of <see cref="Bundle"/> or <see cref="OpaUrl"/> (tests, embedding).</summary>
    public IPolicyDecisionPoint? DecisionPoint { get; init; }

    /// <summary>The decision time limit; null for the engine's default (embedded 50 ms, remote OPA 250 ms).</summary>
    public TimeSpan? DecisionTimeout { get; init; }

    /// <summary>How long the upstream may stay silent before the answer is 504. Default 100 s.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The most connections open to the upstream at once; further requests wait for a free one. Default 256: far more
    /// than a model on the same machine serves in parallel, but a burst no longer opens a connection per request.
    /// </summary>
    public int MaxUpstreamConnections { get; init; } = 256;

    /// <summary>
    /// Runs request handling on the socket threads instead of handing each step to the thread pool (Kestrel's
    /// <c>UnsafePreferInlineScheduling</c>; <see cref="SidecarRuntime.Apply(bool)"/> adds the runtime's inline socket
    /// completions). Default on: it saves the thread-pool hops of every request, a fifth to a half of the sidecar's CPU
    /// per request on 2 cores, and the sidecar's own work per request is a few microseconds of policy and no blocking
    /// call. The cost: a slow decision (or a slow <c>pii.*</c> scan of a long answer) holds a socket thread and delays
    /// the other connections served by it, for at most the decision time limit (50 ms embedded). Turn it off for
    /// policies that regularly take milliseconds.
    /// </summary>
    public bool InlineIo { get; init; } = true;

    /// <summary>The detector behind <c>steward.pii.find</c> for the embedded engine. Default <see cref="RegexPiiDetector"/>.</summary>
    public IPiiDetector? PiiDetector { get; init; }

    /// <summary>The analyzer behind <c>pii.analyze</c> and <c>pii.contains</c> for the embedded engine. Default: the default recognizers.</summary>
    public Steward.Pii.AnalyzerEngine? PiiAnalyzer { get; init; }

    /// <summary>The checking and recording settings; <see cref="OutputPolicyOptions.DecisionPoint"/> is set from the engine.</summary>
    public OutputPolicyOptions Output { get; init; } = new() { Source = "sidecar" };

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public void Validate()
    {
        foreach (var (name, url) in new[] { ("listen", Listen), ("upstream", Upstream), ("opa-url", OpaUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
                throw new ArgumentException($"{name} must be an absolute http:// or https:// URL");
        }

        var engines = (Bundle is null ? 0 : 1) + (OpaUrl is null ? 0 : 1) + (DecisionPoint is null ? 0 : 1);
        if (engines != 1) throw new ArgumentException("exactly one engine is needed: a bundle directory or an OPA URL");
        if (DecisionTimeout is { } t && t <= TimeSpan.Zero) throw new ArgumentException("the decision time limit must be positive");
        if (UpstreamTimeout <= TimeSpan.Zero) throw new ArgumentException("the upstream time limit must be positive");
        if (MaxUpstreamConnections < 1) throw new ArgumentException("the upstream connection limit must be at least 1");
    }
}
