namespace Steward.Policy.Values;

/// <summary>
/// An immutable Rego value: null, boolean, number, string, array, object or set. Values compare in
/// OPA's total order (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set) and
/// are equal when they are the same document (numbers compare numerically, so <c>1 == 1.0</c>).
/// </summary>
public abstract class Value : IEquatable<Value>, IComparable<Value>
{
    private protected Value()
    {
    }

    /// <summary>The kind of value, in OPA's sort order.</summary>
    public abstract ValueKind Kind { get; }

    /// <summary>The OPA type name (<c>null</c>, <c>boolean</c>, <c>number</c>, <c>string</c>, <c>array</c>, <c>object</c>, <c>set</c>).</summary>
    public string TypeName => TypeNameOf(Kind);

    /// <summary>The OPA type name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string TypeNameOf(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "boolean",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Array => "array",
        ValueKind.Object => "object",
        _ => "set",
    };

    /// <summary>Compares two values in OPA's total order.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Negative, zero or positive.</returns>
    public static int Compare(Value left, Value right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        var kinds = ((int)left.Kind).CompareTo((int)right.Kind);
        return kinds != 0 ? kinds : left.CompareSameKind(right);
    }

    /// <summary>Compares with a value of the same kind.</summary>
    private protected abstract int CompareSameKind(Value other);

    /// <inheritdoc />
    public int CompareTo(Value? other) => other is null ? 1 : Compare(this, other);

    /// <inheritdoc />
    public abstract bool Equals(Value? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>Whether the value is the boolean <c>false</c>.</summary>
    public bool IsFalse => ReferenceEquals(this, BooleanValue.False);

    /// <summary>Whether the value is the boolean <c>true</c>.</summary>
    public bool IsTrue => ReferenceEquals(this, BooleanValue.True);

    /// <summary>The value as compact JSON (sets become arrays, non-string object keys are written as their JSON text).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ValueJson.Serialize(this);

    /// <summary>The value in Rego syntax (sets as <c>{1, 2}</c>, the empty set as <c>set()</c>).</summary>
    /// <returns>The Rego text.</returns>
    public override string ToString() => ValueFormatter.Format(this);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(Value? left, Value? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(Value? left, Value? right) => !(left == right);

    /// <summary>Ordering of values.</summary>
    public static bool operator <(Value left, Value right) => Compare(left, right) < 0;

    /// <summary>Ordering of values.</summary>
    public static bool operator >(Value left, Value right) => Compare(left, right) > 0;

    /// <summary>Ordering of values.</summary>
    public static bool operator <=(Value left, Value right) => Compare(left, right) <= 0;

    /// <summary>Ordering of values.</summary>
    public static bool operator >=(Value left, Value right) => Compare(left, right) >= 0;
}
