namespace Steward.Drift;

/// <summary>Counts per distinct value of reference ∪ current, keys in ascending order.</summary>
internal sealed class CategoryCounts
{
    public CategoryCounts(long[] reference, long[] current, double[]? numericKeys, string[]? labelKeys)
    {
        Reference = reference;
        Current = current;
        NumericKeys = numericKeys;
        LabelKeys = labelKeys;
    }

    /// <summary>Reference count per category.</summary>
    public long[] Reference { get; }

    /// <summary>Current count per category.</summary>
    public long[] Current { get; }

    /// <summary>The categories when they are numbers.</summary>
    public double[]? NumericKeys { get; }

    /// <summary>The categories when they are labels.</summary>
    public string[]? LabelKeys { get; }

    /// <summary>Number of categories.</summary>
    public int Count => Reference.Length;

    public static CategoryCounts FromSorted(double[] reference, double[] current)
    {
        var keys = new List<double>();
        var r = new List<long>();
        var c = new List<long>();
        Numerics.SortedMerge.ForEachDistinct(reference, current, (v, a, b) =>
        {
            keys.Add(v);
            r.Add(a);
            c.Add(b);
        });
        return new CategoryCounts([.. r], [.. c], [.. keys], null);
    }

    public static CategoryCounts FromLabels(string?[] reference, string?[] current)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var r = new List<long>();
        var c = new List<long>();
        void Count(string?[] values, bool isReference)
        {
            foreach (var v in values)
            {
                if (v is null) continue;
                if (!index.TryGetValue(v, out var i))
                {
                    i = index.Count;
                    index[v] = i;
                    r.Add(0);
                    c.Add(0);
                }
                if (isReference) r[i]++; else c[i]++;
            }
        }
        Count(reference, true);
        Count(current, false);
        var keys = index.Keys.Order(StringComparer.Ordinal).ToArray();
        var refCounts = keys.Select(k => r[index[k]]).ToArray();
        var curCounts = keys.Select(k => c[index[k]]).ToArray();
        return new CategoryCounts(refCounts, curCounts, null, keys);
    }
}
