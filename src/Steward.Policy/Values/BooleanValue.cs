namespace Steward.Policy.Values;

/// <summary>A Rego boolean; there are exactly two instances.</summary>
public sealed class BooleanValue : Value
{
    /// <summary><c>true</c></summary>
    public static readonly BooleanValue True = new(true);

    /// <summary><c>false</c></summary>
    public static readonly BooleanValue False = new(false);

    private BooleanValue(bool value) => Value = value;

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Boolean;

    /// <summary>The instance for a boolean.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns><see cref="True"/> or <see cref="False"/>.</returns>
    public static BooleanValue Of(bool value) => value ? True : False;

    /// <inheritdoc />
    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => Value ? 1 : 2;

    private protected override int CompareSameKind(Value other) => Value.CompareTo(((BooleanValue)other).Value);
}
