using System.Globalization;
using System.Text;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Notes;

/// <summary>
/// A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the note text
/// <c>origin\nsize\nbase64(root)\n[extension lines\n]</c>, signed as a C2SP signed note.
/// </summary>
/// <param name="Origin">Unique identity of the log, a schema-less URL recommended; also the log key's name.</param>
/// <param name="Size">Number of leaves the checkpoint covers.</param>
/// <param name="RootHash">The 32-byte RFC 6962 root hash at <paramref name="Size"/>.</param>
/// <param name="Extensions">Optional opaque, non-empty extension lines (not recommended).</param>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    /// <summary>Creates a checkpoint without extension lines.</summary>
    /// <param name="origin">Log identity.</param>
    /// <param name="size">Tree size.</param>
    /// <param name="rootHash">The 32-byte root hash.</param>
    public Checkpoint(string origin, long size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    /// <summary>The checkpoint's note text (what gets signed), ending in a newline.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">When a field cannot be written as a valid checkpoint.</exception>
    public string ToNoteText()
    {
        if (string.IsNullOrEmpty(Origin) || Origin.Contains('\n', StringComparison.Ordinal) || !NoteFormat.IsValidText(Origin))
        {
            throw new InvalidOperationException("The origin must be a non-empty single line.");
        }

        if (Size < 0 || RootHash is not { Length: MerkleHash.Size })
        {
            throw new InvalidOperationException($"The size must not be negative and the root hash must be {MerkleHash.Size} bytes.");
        }

        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (string line in Extensions ?? [])
        {
            if (string.IsNullOrEmpty(line) || line.Contains('\n', StringComparison.Ordinal) || !NoteFormat.IsValidText(line))
            {
                throw new InvalidOperationException("Extension lines must be non-empty single lines.");
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses checkpoint note text strictly: at least three non-empty lines each ending in a newline, the size in
    /// decimal without leading zeros, the root as padded base64 of exactly 32 bytes.
    /// </summary>
    /// <param name="noteText">The note text (for a signed note, <see cref="OpenedNote.Text"/>).</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="FormatException">When the text is not a valid checkpoint.</exception>
    public static Checkpoint Parse(string noteText)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        if (!noteText.EndsWith('\n'))
        {
            throw new FormatException("checkpoint text must end with a newline");
        }

        string[] lines = noteText[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(string.IsNullOrEmpty))
        {
            throw new FormatException("checkpoint must have at least three non-empty lines");
        }

        string sizeText = lines[1];
        if (sizeText.AsSpan().ContainsAnyExceptInRange('0', '9') || (sizeText.Length > 1 && sizeText[0] == '0')
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            throw new FormatException($"invalid checkpoint tree size \"{sizeText}\"");
        }

        if (!NoteFormat.TryDecodeBase64(lines[2], out byte[] root) || root.Length != MerkleHash.Size
            || Convert.ToBase64String(root) != lines[2])
        {
            throw new FormatException($"invalid checkpoint root hash \"{lines[2]}\"");
        }

        return new Checkpoint(lines[0], size, root, lines[3..]);
    }

    /// <summary>Parses checkpoint note text without throwing.</summary>
    /// <param name="noteText">The note text.</param>
    /// <param name="checkpoint">The checkpoint, when valid.</param>
    /// <returns>True when the text is a valid checkpoint.</returns>
    public static bool TryParse(string noteText, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Checkpoint? checkpoint)
    {
        try
        {
            checkpoint = Parse(noteText);
            return true;
        }
        catch (FormatException)
        {
            checkpoint = null;
            return false;
        }
    }

    /// <summary>Opens a signed checkpoint: the note must verify with <paramref name="logKey"/> and parse as a checkpoint.</summary>
    /// <param name="signedNote">The signed note text.</param>
    /// <param name="logKey">The log's verifier key.</param>
    /// <param name="origin">When not null, the origin the checkpoint must have.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="NoteException">When the note does not verify with the log key.</exception>
    /// <exception cref="FormatException">When the text is not a checkpoint or has another origin.</exception>
    public static Checkpoint Open(string signedNote, NoteVerifier logKey, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var checkpoint = Parse(SignedNote.Open(signedNote, [logKey]).Text);
        return origin is null || checkpoint.Origin == origin
            ? checkpoint
            : throw new FormatException($"checkpoint origin \"{checkpoint.Origin}\" is not \"{origin}\"");
    }

    /// <summary>Signs the checkpoint with the log key (and optionally more keys).</summary>
    /// <param name="signers">The keys to sign with; the first should be the log key named like <see cref="Origin"/>.</param>
    /// <returns>The signed note.</returns>
    public string Sign(params NoteSigner[] signers) => SignedNote.Sign(ToNoteText(), signers);
}
