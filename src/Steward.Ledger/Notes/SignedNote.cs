using System.Buffers.Binary;
using System.Text;

namespace Steward.Ledger.Notes;

/// <summary>
/// Signs and opens C2SP signed notes (c2sp.org/signed-note) with the behaviour of golang.org/x/mod/sumdb/note:
/// text || "\n" || one line "— name base64(keyid || signature)" per signature.
/// </summary>
public static class SignedNote
{
    /// <summary>Signs <paramref name="text"/> with each signer.</summary>
    /// <param name="text">The note text: must end in a newline and hold no control characters other than newline.</param>
    /// <param name="signers">The keys to sign with.</param>
    /// <returns>The signed note.</returns>
    /// <exception cref="NoteException">"malformed note" when the text is not a valid note text.</exception>
    public static string Sign(string text, params NoteSigner[] signers) =>
        Sign(new OpenedNote(text, [], []), signers);

    /// <summary>
    /// Signs an opened note again: its existing signatures are kept (first), except those by the given signers,
    /// which are replaced by new ones (appended).
    /// </summary>
    /// <param name="note">The note, for example from <see cref="Open(ReadOnlySpan{byte}, IReadOnlyList{NoteVerifier})"/>.</param>
    /// <param name="signers">The keys to sign with.</param>
    /// <returns>The signed note.</returns>
    /// <exception cref="NoteException">"malformed note" when the text or an existing signature is malformed.</exception>
    public static string Sign(OpenedNote note, params NoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(signers);
        string text = note.Text;
        if (!text.EndsWith('\n') || !NoteFormat.IsValidText(text))
        {
            throw NoteException.Malformed();
        }

        byte[] signed = Encoding.UTF8.GetBytes(text);
        var replaced = signers.Select(s => (s.Name, s.KeyId)).ToHashSet();
        var output = new StringBuilder(text).Append('\n');
        foreach (var existing in note.Verified.Concat(note.Unverified))
        {
            if (!NoteFormat.IsValidName(existing.Name))
            {
                throw NoteException.Malformed();
            }

            if (replaced.Contains((existing.Name, existing.KeyId)))
            {
                continue;
            }

            if (!NoteFormat.TryDecodeBase64(existing.Base64, out byte[] raw) || raw.Length < 4
                || BinaryPrimitives.ReadUInt32BigEndian(raw) != existing.KeyId)
            {
                throw NoteException.Malformed();
            }

            AppendLine(output, existing.Name, existing.Base64);
        }

        foreach (var signer in signers)
        {
            byte[] keyId = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(keyId, signer.KeyId);
            AppendLine(output, signer.Name, Convert.ToBase64String([.. keyId, .. signer.Sign(signed)]));
        }

        return output.ToString();
    }

    /// <summary>
    /// Parses and verifies a signed note. Signatures by unknown keys are returned as unverified; a signature by a
    /// known key that does not verify rejects the note; at least one signature must verify.
    /// </summary>
    /// <param name="message">The signed note bytes (UTF-8).</param>
    /// <param name="known">The keys to verify with.</param>
    /// <returns>The text and the verified and unverified signatures.</returns>
    /// <exception cref="NoteException">With the golang.org/x/mod/sumdb/note error messages.</exception>
    public static OpenedNote Open(ReadOnlySpan<byte> message, IReadOnlyList<NoteVerifier> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var (text, textLength, lines) = NoteParser.Parse(message);
        var signedBytes = message[..textLength];
        var verifiers = new NoteVerifierList(known);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        var seenUnverified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (signature, line) in lines)
        {
            var verifier = verifiers.Find(signature.Name, signature.KeyId);
            if (verifier is null)
            {
                if (seenUnverified.Add(line))
                {
                    unverified.Add(signature);
                }

                continue;
            }

            if (!seen.Add((signature.Name, signature.KeyId)))
            {
                continue; // repeated signature by the same key
            }

            if (!verifier.Verify(signedBytes, signature.SignatureBytes()))
            {
                throw new NoteException($"invalid signature for key {NoteFormat.KeyLabel(signature.Name, signature.KeyId)}");
            }

            verified.Add(signature);
        }

        var note = new OpenedNote(text, verified, unverified);
        return verified.Count > 0 ? note : throw new NoteException("note has no verifiable signatures", note);
    }

    /// <summary>Opens a signed note given as text.</summary>
    /// <param name="message">The signed note.</param>
    /// <param name="known">The keys to verify with.</param>
    /// <returns>The text and the verified and unverified signatures.</returns>
    /// <exception cref="NoteException">With the golang.org/x/mod/sumdb/note error messages.</exception>
    public static OpenedNote Open(string message, IReadOnlyList<NoteVerifier> known)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Open(Encoding.UTF8.GetBytes(message), known);
    }

    /// <summary>Parses a signed note without verifying anything: every signature is returned as unverified.</summary>
    /// <param name="message">The signed note bytes (UTF-8).</param>
    /// <returns>The text and all signatures (unverified), identical lines dropped.</returns>
    /// <exception cref="NoteException">"malformed note".</exception>
    public static OpenedNote Parse(ReadOnlySpan<byte> message)
    {
        var (text, _, lines) = NoteParser.Parse(message);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new OpenedNote(text, [], lines.Where(l => seen.Add(l.Line)).Select(l => l.Signature).ToList());
    }

    private static void AppendLine(StringBuilder output, string name, string base64) =>
        output.Append("\u2014 ").Append(name).Append(' ').Append(base64).Append('\n');
}
