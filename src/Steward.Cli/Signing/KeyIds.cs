using System.Security.Cryptography;

namespace Steward.Cli.Signing;

/// <summary>Computes key ids the way the server does.</summary>
internal static class KeyIds
{
    /// <summary>Lowercase hex of the first 16 bytes of SHA-256 over the SPKI DER.</summary>
    public static string For(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)[..16]);
}
