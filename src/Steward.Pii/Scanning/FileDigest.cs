using System.Security.Cryptography;

namespace Steward.Pii.Scanning;

/// <summary>The SHA-256 of a file, read sequentially in a small buffer.</summary>
internal static class FileDigest
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
