namespace Steward.Policy.Values;

/// <summary>The Rego <c>null</c>.</summary>
public sealed class NullValue : Value
{
    /// <summary>The only instance.</summary>
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    /// <inheritdoc />
    public override ValueKind Kind => ValueKind.Null;

    /// <inheritdoc />
    public override bool Equals(Value? other) => other is NullValue;

    /// <inheritdoc />
    public override int GetHashCode() => 0x5eed;

    private protected override int CompareSameKind(Value other) => 0;
}
