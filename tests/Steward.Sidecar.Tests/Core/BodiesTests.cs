using Steward.Sidecar.Core;

namespace Steward.Sidecar.Tests.Core;

/// <summary>Bodies are read whole within the limit, whether or not their declared length is right.</summary>
public sealed class BodiesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(100L)]
    public async Task ReadCapped_ReturnsTheWholeBody(long? declared)
    {
        var body = Bytes(100);
        Assert.Equal(body, await Bodies.ReadCappedAsync(new TrickleStream(body), 1000, CancellationToken.None, declared));
    }

    [Fact]
    public async Task ReadCapped_ReadsPastADeclaredLengthThatIsTooShort()
    {
        var body = Bytes(300);
        Assert.Equal(body, await Bodies.ReadCappedAsync(new TrickleStream(body), 1000, CancellationToken.None, 100));
        Assert.Null(await Bodies.ReadCappedAsync(new TrickleStream(body), 200, CancellationToken.None, 100));
    }

    [Fact]
    public async Task ReadCapped_StopsAtTheEndWhenTheDeclaredLengthIsTooLong()
    {
        var body = Bytes(50);
        Assert.Equal(body, await Bodies.ReadCappedAsync(new TrickleStream(body), 1000, CancellationToken.None, 100));
    }

    [Fact]
    public async Task ReadCapped_RefusesMoreThanTheLimit()
    {
        Assert.Null(await Bodies.ReadCappedAsync(new TrickleStream(Bytes(20_000)), 10_000, CancellationToken.None));
    }

    private static byte[] Bytes(int n) => [.. Enumerable.Range(0, n).Select(i => (byte)i)];

    /// <summary>A stream that returns at most 7 bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(7, buffer.Length)], cancellationToken);
    }
}
