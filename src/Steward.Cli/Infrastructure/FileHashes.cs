using System.Security.Cryptography;

namespace Steward.Cli.Infrastructure;

/// <summary>Hashes local files.</summary>
internal static class FileHashes
{
    /// <summary>Lowercase hex SHA-256 of a file's content.</summary>
    public static async Task<string> Sha256HexAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"cannot read {path}: {ex.Message}", ex);
        }
    }
}
