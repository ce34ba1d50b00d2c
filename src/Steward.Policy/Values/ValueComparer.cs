namespace Steward.Policy.Values;

/// <summary>Orders values in OPA's total order.</summary>
public sealed class ValueComparer : IComparer<Value>
{
    /// <summary>The comparer.</summary>
    public static readonly ValueComparer Instance = new();

    /// <summary>The order as a cached delegate: sorting with an <see cref="IComparer{T}"/> allocates one per call.</summary>
    internal static readonly Comparison<Value> Comparison = Instance.Compare;

    private ValueComparer()
    {
    }

    /// <inheritdoc />
    public int Compare(Value? x, Value? y) => x is null ? (y is null ? 0 : -1) : y is null ? 1 : Value.Compare(x, y);
}
