namespace Steward.Drift.Performance;

/// <summary>Neumaier's compensated sum: long streams of small errors add up without drifting, and two sums merge.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double value)
    {
        var t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }

    public void Add(CompensatedSum other)
    {
        Add(other._sum);
        Add(other._compensation);
    }
}
