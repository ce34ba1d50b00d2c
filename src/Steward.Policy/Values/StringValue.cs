namespace Steward.Policy.Values;

/// <summary>A Rego string. Strings compare by ordinal (UTF-16 code unit) order.</summary>
public sealed class StringValue : Value
{
    /// <summary>The empty string.</summary>
    public static readonly StringValue Empty = new(string.Empty);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string.</param>
    public StringValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Creates a string value whose text is known to be ASCII (a JSON reader learns it for free).</summary>
    internal StringValue(string value, bool ascii)
        : this(value) => _ascii = ascii ? AsciiYes : (byte)0;

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <summary>The cached hash code (0 until computed; a computed 0 is stored as another constant).</summary>
    private int _hash;

    private const byte AsciiYes = 1;
    private const byte AsciiNo = 2;

    /// <summary>Whether the text is ASCII: 0 until known (it fits in the padding after <see cref="_hash"/>).</summary>
    private byte _ascii;

    /// <summary>
    /// Whether every char is ASCII, worked out once per value (or known from the parser): string length, case
    /// folding and literal searches take their short ways on such text.
    /// </summary>
    internal bool IsAscii
    {
        get
        {
            var known = _ascii;
            if (known == 0)
            {
                _ascii = known = System.Text.Ascii.IsValid(Value) ? AsciiYes : AsciiNo;
            }

            return known == AsciiYes;
        }
    }

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.String;

    /// <inheritdoc />
    public override bool Equals(Value? other) =>
        ReferenceEquals(this, other)
        || (other is StringValue s && (_hash == 0 || s._hash == 0 || _hash == s._hash) && string.Equals(Value, s.Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Keys of data documents and policy constants are looked up again and again: hash each string once.
        var hash = _hash;
        if (hash == 0)
        {
            hash = StringComparer.Ordinal.GetHashCode(Value);
            _hash = hash = hash == 0 ? 0x2f6b1d3 : hash;
        }

        return hash;
    }

    private protected override int CompareSameKind(Value other) => string.CompareOrdinal(Value, ((StringValue)other).Value);
}
