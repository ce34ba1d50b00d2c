namespace Steward.Ledger.Notes;

/// <summary>One signature line of a signed note.</summary>
/// <param name="Name">Key name.</param>
/// <param name="KeyId">Key ID (first four bytes of the decoded base64, big-endian).</param>
/// <param name="Base64">The base64 text of the line: key ID followed by the signature bytes.</param>
public sealed record NoteSignature(string Name, uint KeyId, string Base64)
{
    /// <summary>The signature bytes after the four-byte key ID.</summary>
    /// <returns>A new array.</returns>
    public byte[] SignatureBytes() =>
        NoteFormat.TryDecodeBase64(Base64, out var raw) && raw.Length >= 4 ? raw[4..] : [];
}
