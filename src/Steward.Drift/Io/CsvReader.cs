using System.Buffers;

namespace Steward.Drift.Io;

/// <summary>
/// A span-based RFC 4180 reader: records of fields separated by commas, fields optionally quoted with <c>"</c> (<c>""</c> for
/// a quote, line breaks inside quotes), records ended by LF, CRLF or CR, a UTF-8 byte order mark skipped, blank lines
/// skipped. Fields are spans into a reused buffer (valid until the next <see cref="Read"/>); unquoted runs are found with
/// <see cref="SearchValues{T}"/>, so a cell costs a vectorised search, no allocation. Malformed input is a
/// <see cref="DriftException"/> naming the file, line and column.
/// </summary>
internal sealed class CsvReader
{
    private static readonly SearchValues<char> Structure = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> QuotedStructure = SearchValues.Create("\"\n\r");
    private readonly TextReader _reader;
    private readonly string _path;
    private char[] _buffer;
    private int _start;          // first unread char
    private int _end;            // end of valid chars
    private bool _eof;
    private int _nextLine = 1;
    private (int Start, int Length, bool Quoted, bool Escaped)[] _fields = new (int, int, bool, bool)[16];
    private char[] _scratch = new char[256];
    private int _scratchUsed;

    /// <param name="reader">The text (a <see cref="StreamReader"/> already drops a byte order mark; a leading U+FEFF is skipped anyway).</param>
    /// <param name="path">The file's name in errors.</param>
    /// <param name="bufferSize">The initial buffer (it grows to hold the longest record).</param>
    public CsvReader(TextReader reader, string path, int bufferSize = 64 * 1024)
    {
        _buffer = new char[Math.Max(bufferSize, 4)];
        _reader = reader;
        _path = path;
    }

    /// <summary>The line the current record starts on (1-based).</summary>
    public int Line { get; private set; }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Whether field <paramref name="i"/> is empty and unquoted (a missing value; <c>""</c> is an empty text).</summary>
    public bool IsMissing(int i) => _fields[i].Length == 0 && !_fields[i].Quoted;

    /// <summary>Field <paramref name="i"/>'s text (quotes removed, <c>""</c> as <c>"</c>); valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> Field(int i)
    {
        var (start, length, _, escaped) = _fields[i];
        var raw = _buffer.AsSpan(start, length);
        if (!escaped) return raw;
        if (_scratch.Length - _scratchUsed < length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + length));
        var into = _scratch.AsSpan(_scratchUsed);
        var n = 0;
        for (var k = 0; k < raw.Length; k++)
        {
            into[n++] = raw[k];
            if (raw[k] == '"') k++;   // the second quote of a pair
        }
        _scratchUsed += n;
        return into[..n];
    }

    /// <summary>Field <paramref name="i"/> as a string; <see langword="null"/> when missing.</summary>
    public string? FieldString(int i) => IsMissing(i) ? null : Field(i).ToString();

    /// <summary>Reads the next record; <see langword="false"/> at the end of the data.</summary>
    public bool Read()
    {
        _scratchUsed = 0;
        while (true)
        {
            if (_start >= _end && !Fill()) return false;
            var c = _buffer[_start];
            if (c == '\n' || c == '\r')   // a blank line
            {
                if (c == '\r' && _start + 1 >= _end && !_eof)
                {
                    Fill();
                    continue;
                }
                _start += c == '\r' && _start + 1 < _end && _buffer[_start + 1] == '\n' ? 2 : 1;
                _nextLine++;
                continue;
            }
            if (_start == 0 && _nextLine == 1 && c == '\uFEFF')
            {
                _start++;
                continue;
            }
            if (TryRecord()) return true;
            if (!Fill()) throw new InvalidOperationException("unreachable: a record that cannot complete is reported by TryRecord at the end of the data");
        }
    }

    /// <summary>Parses one record from <see cref="_start"/>; <see langword="false"/> when the buffer ends first (more data is needed).</summary>
    private bool TryRecord()
    {
        var pos = _start;
        var line = _nextLine;
        var lineStart = _start;
        var count = 0;
        while (true)
        {
            if (count == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
            if (pos < _end && _buffer[pos] == '"')
            {
                var open = (Line: line, Column: pos - lineStart + 1);
                var i = pos + 1;
                var escaped = false;
                while (true)
                {
                    var found = _buffer.AsSpan(i, _end - i).IndexOfAny(QuotedStructure);
                    if (found < 0)
                    {
                        if (!_eof) return false;
                        throw Error(open.Line, $"a quoted field is not closed (it opens at column {open.Column})");
                    }
                    i += found;
                    var c = _buffer[i];
                    if (c == '"')
                    {
                        if (i + 1 >= _end && !_eof) return false;
                        if (i + 1 < _end && _buffer[i + 1] == '"')
                        {
                            escaped = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\r' && i + 1 >= _end && !_eof) return false;
                    if (c == '\n' || (c == '\r' && !(i + 1 < _end && _buffer[i + 1] == '\n'))) { line++; lineStart = i + 1; }
                    i++;
                }
                _fields[count++] = (pos + 1, i - pos - 1, true, escaped);
                pos = i + 1;
                if (pos >= _end)
                {
                    if (!_eof) return false;
                    return Finish(pos, line, count);
                }
                var after = _buffer[pos];
                if (after == ',') { pos++; continue; }
                if (after is '\n' or '\r') return EndOfRecord(pos, line, count);
                throw Error(line, pos - lineStart + 1, "a closing quote must be followed by a comma or the end of the line");
            }
            var rest = _buffer.AsSpan(pos, _end - pos);
            var end = rest.IndexOfAny(Structure);
            if (end < 0)
            {
                if (!_eof) return false;
                _fields[count++] = (pos, rest.Length, false, false);
                return Finish(_end, line, count);
            }
            var stop = _buffer[pos + end];
            if (stop == '"') throw Error(line, pos + end - lineStart + 1, "a quote inside an unquoted field");
            _fields[count++] = (pos, end, false, false);
            pos += end;
            if (stop == ',')
            {
                pos++;
                if (pos >= _end && _eof)
                {
                    _fields[count++] = (pos, 0, false, false);
                    return Finish(pos, line, count);
                }
                continue;
            }
            return EndOfRecord(pos, line, count);
        }
    }

    /// <summary>At a CR or LF ending the record: consume it (CRLF as one) unless a CR is the last char before more data.</summary>
    private bool EndOfRecord(int pos, int line, int count)
    {
        if (_buffer[pos] == '\r' && pos + 1 >= _end && !_eof) return false;
        var next = _buffer[pos] == '\r' && pos + 1 < _end && _buffer[pos + 1] == '\n' ? pos + 2 : pos + 1;
        return Finish(next, line + 1, count);
    }

    private bool Finish(int next, int nextLine, int count)
    {
        Line = _nextLine;
        FieldCount = count;
        _start = next;
        _nextLine = nextLine;
        return true;
    }

    /// <summary>Moves the unread part to the front (growing the buffer when a record fills it) and reads more; false at the end.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        var unread = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, unread);
            _start = 0;
            _end = unread;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
        return read > 0 || unread > 0;
    }

    private DriftException Error(int line, string message) => new($"{_path} line {line}: {message}");

    private DriftException Error(int line, int column, string message) => new($"{_path} line {line}, column {column}: {message}");
}
