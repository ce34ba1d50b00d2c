using System.Runtime.InteropServices;
using Steward.Drift.Numerics;

namespace Steward.Drift.Profiles;

/// <summary>
/// A numeric column being profiled: Welford moments, min and max, counts of up to <see cref="ColumnProfile.DistinctLimit"/>
/// distinct values, and the values themselves until the mode turns the column into a KLL sketch.
/// </summary>
internal sealed class NumberAccumulator : ColumnAccumulator
{
    private readonly ProfileOptions _options;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _mean;
    private double _m2;
    private double[]? _exact;
    private int _exactCount;
    private KllSketch? _sketch;
    private Dictionary<double, long>? _distinct = [];

    public NumberAccumulator(string name, ProfileOptions options)
        : base(name)
    {
        _options = options;
        if (options.Mode == ProfileMode.Sketch) _sketch = new KllSketch(options.SketchK);
        else _exact = new double[16];
    }

    public override ProfileColumnKind Kind => ProfileColumnKind.Numbers;

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            Missing++;
            return;
        }
        Present++;
        var delta = value - _mean;
        _mean += delta / Present;
        _m2 += delta * (value - _mean);
        if (value < _min) _min = value;
        if (value > _max) _max = value;
        if (_distinct is not null)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_distinct, value, out _)++;
            if (_distinct.Count > ColumnProfile.DistinctLimit) _distinct = null;
        }
        Keep(value);
    }

    public override void Merge(ColumnProfile other)
    {
        if (other.Count == 0)
        {
            Missing += other.MissingCount;
            return;
        }
        var n = Present + other.Count;
        var delta = other.Mean - _mean;
        _m2 = Present == 0 ? other.M2 : _m2 + other.M2 + delta * delta * Present * other.Count / n;
        _mean = Present == 0 ? other.Mean : _mean + delta * other.Count / n;
        _min = Math.Min(_min, other.Min);
        _max = Math.Max(_max, other.Max);
        Missing += other.MissingCount;
        if (_distinct is not null && other.ValueCounts is not null)
        {
            foreach (var (value, count) in other.ValueCounts) CollectionsMarshal.GetValueRefOrAddDefault(_distinct, value, out _) += count;
            if (_distinct.Count > ColumnProfile.DistinctLimit) _distinct = null;
        }
        else
        {
            _distinct = null;
        }
        if ((other.ExactArray ?? (_exact is not null ? other.SortedValues() : null)) is { } values)
        {
            foreach (var v in values) Keep(v);
        }
        else
        {
            if (_exact is not null) ToSketch();
            _sketch!.Merge(other.Sketch!);
        }
        Present = n;
    }

    public override ColumnProfile ToProfile(long rowCount, bool release = false)
    {
        double[]? exact = null;
        if (_exact is not null)
        {
            if (release)
            {
                Array.Resize(ref _exact, _exactCount);
                exact = _exact;
                _exact = null;
            }
            else
            {
                exact = _exact[.._exactCount];
            }
            DoubleSort.Sort(exact);
        }
        var empty = Present == 0;
        return new ColumnProfile(Name, Kind)
        {
            Count = Present,
            MissingCount = MissingFor(rowCount),
            Min = empty ? double.NaN : _min,
            Max = empty ? double.NaN : _max,
            Mean = empty ? double.NaN : _mean,
            M2 = empty ? double.NaN : _m2,
            ExactArray = exact,
            Sketch = _sketch?.Clone(),
            ValueCounts = _distinct is null ? null : new Dictionary<double, long>(_distinct),
        };
    }

    /// <summary>Keeps a finite value exactly, or in the sketch (turning the column into one past the exact limit in auto mode).</summary>
    private void Keep(double value)
    {
        if (_exact is not null && _options.Mode == ProfileMode.Auto && _exactCount >= _options.ExactLimit) ToSketch();
        if (_exact is null)
        {
            _sketch!.Add(value);
            return;
        }
        if (_exactCount == _exact!.Length) Array.Resize(ref _exact, checked(_exact.Length * 2));
        _exact[_exactCount++] = value;
    }

    private void ToSketch()
    {
        _sketch = new KllSketch(_options.SketchK);
        for (var i = 0; i < _exactCount; i++) _sketch.Add(_exact![i]);
        _exact = null;
        _exactCount = 0;
    }
}
