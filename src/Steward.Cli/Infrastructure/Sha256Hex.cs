namespace Steward.Cli.Infrastructure;

/// <summary>Checks the spelling of SHA-256 digests.</summary>
internal static class Sha256Hex
{
    public static bool IsValid(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
