using System.Net;

namespace Steward.Sidecar.Proxy;

/// <summary>
/// A response body already read in full, with the upstream's content headers. It reports a length only when the
/// upstream sent one, so a chunked upstream answer stays chunked and the headers pass through unchanged.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly bool _hadLength;

    public BufferedContent(byte[] body, HttpContent original)
    {
        _body = body;
        _hadLength = original.Headers.ContentLength is not null;
        // The raw values as received: enumerating the validated view would parse each value and print it again.
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            foreach (var value in values) Headers.TryAddWithoutValidation(name, value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_body, 0, _body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_body, writable: false));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return _hadLength;
    }
}
