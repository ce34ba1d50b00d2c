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

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.String;

    /// <inheritdoc />
    public override bool Equals(Value? other) => other is StringValue s && string.Equals(Value, s.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private protected override int CompareSameKind(Value other) => string.CompareOrdinal(Value, ((StringValue)other).Value);
}
