namespace Steward.Ledger.Notes;

/// <summary>
/// A signed note could not be signed, parsed or verified. Messages follow golang.org/x/mod/sumdb/note:
/// "malformed note", "note has no verifiable signatures", "invalid signature for key NAME+HEX",
/// "ambiguous key NAME+HEX", "unknown key NAME+HEX".
/// </summary>
public sealed class NoteException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NoteException()
        : base("malformed note")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public NoteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public NoteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the "note has no verifiable signatures" error, carrying the parsed note.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="note">The parsed note, all of whose signatures are unverified.</param>
    public NoteException(string message, OpenedNote note)
        : base(message)
    {
        Note = note;
    }

    /// <summary>
    /// For "note has no verifiable signatures": the parsed note (text and unverified signatures), like Go's
    /// <c>UnverifiedNoteError</c>. Null otherwise.
    /// </summary>
    public OpenedNote? Note { get; }

    internal static NoteException Malformed() => new("malformed note");
}
