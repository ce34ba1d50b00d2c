namespace Steward.Drift.Performance;

/// <summary>Neumaier's compensated sum: long streams of small errors add up without drifting, and two sums merge.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    /// <summary>The running sum and its compensation, for saving and restoring state.</summary>
    public readonly (double Sum, double Compensation) Parts => (_sum, _compensation);

    public static CompensatedSum FromParts(double sum, double compensation) => new() { _sum = sum, _compensation = compensation };

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
