using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Steward.Ledger.Notes;

/// <summary>Splits a signed note into its text and signature lines, enforcing the format rules.</summary>
internal static class NoteParser
{
    /// <summary>Parses the message; every malformation throws "malformed note".</summary>
    public static (string Text, int TextLength, List<(NoteSignature Signature, string Line)> Lines) Parse(ReadOnlySpan<byte> message)
    {
        // Valid UTF-8, no ASCII control characters except newline.
        for (int i = 0; i < message.Length;)
        {
            if (Rune.DecodeFromUtf8(message[i..], out var rune, out int used) != OperationStatus.Done
                || (rune.Value < 0x20 && rune.Value != '\n'))
            {
                throw NoteException.Malformed();
            }

            i += used;
        }

        int split = message.LastIndexOf("\n\n"u8);
        if (split < 0)
        {
            throw NoteException.Malformed();
        }

        var text = message[..(split + 1)];
        var signatures = message[(split + 2)..];
        if (signatures.IsEmpty || signatures[^1] != (byte)'\n')
        {
            throw NoteException.Malformed();
        }

        var lines = new List<(NoteSignature, string)>();
        while (!signatures.IsEmpty)
        {
            int newline = signatures.IndexOf((byte)'\n');
            var line = signatures[..newline];
            signatures = signatures[(newline + 1)..];
            if (!line.StartsWith(NoteFormat.SignaturePrefix))
            {
                throw NoteException.Malformed();
            }

            string body = Encoding.UTF8.GetString(line[NoteFormat.SignaturePrefix.Length..]);
            var (name, base64) = NoteFormat.Chop(body, ' ');
            if (!NoteFormat.TryDecodeBase64(base64, out byte[] raw) || !NoteFormat.IsValidName(name) || base64.Length == 0 || raw.Length < 5)
            {
                throw NoteException.Malformed();
            }

            if (lines.Count == NoteFormat.MaxSignatures)
            {
                throw NoteException.Malformed(); // avoid spending forever on a note with many signatures
            }

            lines.Add((new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(raw), base64), body));
        }

        return (Encoding.UTF8.GetString(text), text.Length, lines);
    }
}
