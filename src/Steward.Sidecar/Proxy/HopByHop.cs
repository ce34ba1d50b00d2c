using System.Collections.Frozen;

namespace Steward.Sidecar.Proxy;

/// <summary>
/// The headers that describe one connection rather than the message (RFC 9110 section 7.6.1) and are therefore not
/// forwarded in either direction: the set YARP's forwarder left out, which the sidecar used before it forwarded by itself.
/// </summary>
internal static class HopByHop
{
    private static readonly FrozenSet<string> Names = new[]
    {
        "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "Proxy-Authenticate",
        "Proxy-Authentication-Info", "Proxy-Authorization", "Proxy-Features", "Proxy-Instruction", "Security-Scheme",
        "ALPN", "Close", "HTTP2-Settings", "Upgrade-Insecure-Requests", "TE", "Alt-Svc",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a header that is not forwarded (an HTTP/2 pseudo-header such as <c>:authority</c> included).</summary>
    public static bool Skip(string name) => name.Length == 0 || name[0] == ':' || Names.Contains(name);
}
