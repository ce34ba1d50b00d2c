namespace Steward.Drift.Profiles;

/// <summary>
/// A KLL quantile sketch (Karnin, Lang, Liberty 2016) of finite doubles: compactors whose capacities shrink by 2/3 per level
/// below the top (at least 8); when the sketch holds its total capacity, the lowest level at its own capacity is sorted and
/// every other item (random offset) is promoted to the next level with twice the weight (lazy compaction, as Apache
/// DataSketches). Mergeable level by level; the total weight equals the number of values added. docs/DRIFT.md states the
/// rank-error bound (sup over x of |F̂(x) − F(x)| ≤ 2.5/k), which the tests check.
/// </summary>
internal sealed class KllSketch
{
    private const int MinWidth = 8;
    private readonly List<double[]> _levels = [];
    private readonly List<int> _sizes = [];
    private int[] _capacities = [];
    private int _totalSize;
    private int _totalCapacity;
    private ulong _random;

    public KllSketch(int k)
    {
        K = k;
        _random = 0x9E3779B97F4A7C15UL ^ (ulong)k;
        AddLevel();
    }

    /// <summary>The accuracy parameter.</summary>
    public int K { get; }

    /// <summary>Values summarised (the total weight).</summary>
    public long Count { get; private set; }

    /// <summary>Number of levels.</summary>
    public int LevelCount => _levels.Count;

    /// <summary>Items kept at a level (each of weight 2^level), unordered.</summary>
    public ReadOnlySpan<double> Level(int level) => _levels[level].AsSpan(0, _sizes[level]);

    public void Add(double value)
    {
        var level0 = _levels[0];
        if (_sizes[0] == level0.Length) _levels[0] = level0 = Grow(level0, level0.Length * 2);
        level0[_sizes[0]++] = value;
        Count++;
        if (++_totalSize >= _totalCapacity) Compress();
    }

    /// <summary>An independent copy.</summary>
    public KllSketch Clone()
    {
        var copy = new KllSketch(K);
        for (var h = 0; h < LevelCount; h++) copy.AddItems(h, Level(h));
        copy.Count = Count;
        copy._random = _random;
        return copy;
    }

    /// <summary>Adds another sketch's items level by level.</summary>
    public void Merge(KllSketch other)
    {
        for (var h = 0; h < other.LevelCount; h++) AddItems(h, other.Level(h));
        Count += other.Count;
        _random ^= other._random * 0xBF58476D1CE4E5B9UL;
        Compress();
    }

    /// <summary>Restores a level read from a profile (used while reading, before <see cref="SetCount"/>).</summary>
    public void AddItems(int level, ReadOnlySpan<double> items)
    {
        while (LevelCount <= level) AddLevel();
        var size = _sizes[level];
        if (size + items.Length > _levels[level].Length) _levels[level] = Grow(_levels[level], Math.Max(size + items.Length, _levels[level].Length * 2));
        items.CopyTo(_levels[level].AsSpan(size));
        _sizes[level] = size + items.Length;
        _totalSize += items.Length;
    }

    /// <summary>Sets the count of a sketch restored from a profile and checks it against the levels' weight.</summary>
    public void SetCount(long count)
    {
        long weight = 0;
        for (var h = 0; h < LevelCount; h++) weight += (long)_sizes[h] << h;
        if (weight != count) throw new DriftException($"the sketch's levels weigh {weight}, its count says {count}");
        Count = count;
        _random ^= (ulong)count;
    }

    /// <summary>Distinct items in ascending order with their weights (summing to <see cref="Count"/>).</summary>
    public (double[] Values, double[] Weights) WeightedValues()
    {
        var total = 0;
        for (var h = 0; h < LevelCount; h++) total += _sizes[h];
        var values = new double[total];
        var weights = new double[total];
        var k = 0;
        for (var h = 0; h < LevelCount; h++)
        {
            for (var i = 0; i < _sizes[h]; i++)
            {
                values[k] = _levels[h][i];
                weights[k++] = Math.Pow(2, h);
            }
        }
        Array.Sort(values, weights);
        var distinct = 0;
        for (var i = 0; i < total; i++)
        {
            if (distinct > 0 && values[distinct - 1] == values[i]) weights[distinct - 1] += weights[i];
            else
            {
                values[distinct] = values[i];
                weights[distinct++] = weights[i];
            }
        }
        return (values[..distinct], weights[..distinct]);
    }

    /// <summary>Lazy compaction: while the sketch holds its total capacity, compact the lowest level at or over its own capacity.</summary>
    private void Compress()
    {
        while (_totalSize >= _totalCapacity)
        {
            var level = 0;
            while (_sizes[level] < _capacities[level]) level++;
            Compact(level);
        }
    }

    /// <summary>Sorts a level and promotes every other item (random offset) to the next; an odd item stays.</summary>
    private void Compact(int level)
    {
        if (level + 1 == LevelCount) AddLevel();
        var items = _levels[level].AsSpan(0, _sizes[level]);
        items.Sort();
        var keep = items.Length % 2;
        var offset = (int)(NextRandom() & 1);
        var pairs = (items.Length - keep) / 2;
        for (var i = 0; i < pairs; i++) items[keep + i] = items[keep + 2 * i + offset];
        AddItems(level + 1, items.Slice(keep, pairs));
        _sizes[level] = keep;
        _totalSize -= 2 * pairs;
    }

    private void AddLevel()
    {
        _levels.Add(new double[_levels.Count == 0 ? Math.Max(MinWidth, K) : MinWidth]);
        _sizes.Add(0);
        var count = _levels.Count;
        _capacities = new int[count];
        for (var h = 0; h < count; h++) _capacities[h] = Math.Max(MinWidth, (int)Math.Ceiling(K * Math.Pow(2.0 / 3.0, count - 1 - h)));
        _totalCapacity = _capacities.Sum();
    }

    private ulong NextRandom()
    {
        if (_random == 0) _random = 0x9E3779B97F4A7C15UL;
        _random ^= _random << 13;
        _random ^= _random >> 7;
        _random ^= _random << 17;
        return _random;
    }

    private static double[] Grow(double[] items, int size)
    {
        var grown = new double[size];
        items.CopyTo(grown, 0);
        return grown;
    }
}
