namespace Steward.Sidecar.Core;

/// <summary>A response read in full before it is decided.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The content type, if any.</param>
/// <param name="ContentEncoding">The content encoding, if any.</param>
/// <param name="Body">The body as received (possibly compressed).</param>
/// <param name="Latency">From forwarding the request to having the whole response.</param>
internal sealed record ResponseSnapshot(int Status, string? ContentType, string? ContentEncoding, byte[] Body, TimeSpan Latency);
