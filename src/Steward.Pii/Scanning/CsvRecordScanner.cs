namespace Steward.Pii.Scanning;

/// <summary>
/// Finds where CSV records end (RFC 4180: a newline inside a quoted field does not end the record), across
/// buffer boundaries. A quote only opens a quoted field at the start of a field; elsewhere it is text, as in
/// real-world files with <c>5'10"</c>. With <see cref="LinesOnly"/> every newline ends a record (JSON Lines).
/// </summary>
internal sealed class CsvRecordScanner(byte delimiter, bool linesOnly)
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteSeen }

    private State _state = State.FieldStart;

    /// <summary>True for JSON Lines.</summary>
    public bool LinesOnly => linesOnly;

    /// <summary>Forgets the quote state (after skipping an over-long record, the next newline starts afresh).</summary>
    public void Reset() => _state = State.FieldStart;

    /// <summary>The index of the newline that ends the current record within <paramref name="s"/>, or -1 when it does not end there.</summary>
    public int FindEnd(ReadOnlySpan<byte> s)
    {
        if (linesOnly) return s.IndexOf((byte)'\n');
        var i = 0;
        while (i < s.Length)
        {
            switch (_state)
            {
                case State.Quoted:
                    var q = s[i..].IndexOf((byte)'"');
                    if (q < 0) return -1;
                    i += q + 1;
                    _state = State.QuoteSeen;
                    break;
                case State.Unquoted:
                    var k = s[i..].IndexOfAny(delimiter, (byte)'\n');
                    if (k < 0) return -1;
                    i += k;
                    _state = State.FieldStart;
                    if (s[i] == '\n') return i;
                    i++;
                    break;
                default:
                    var b = s[i];
                    if (b == '\n') { _state = State.FieldStart; return i; }
                    if (b == '"') _state = State.Quoted; // opens a field, or an escaped quote after QuoteSeen
                    else if (b == delimiter) _state = State.FieldStart;
                    else _state = State.Unquoted;
                    i++;
                    break;
            }
        }
        return -1;
    }
}
