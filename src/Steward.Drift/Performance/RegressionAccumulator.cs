using System.Text.Json;

namespace Steward.Drift.Performance;

/// <summary>
/// Mergeable regression quality: compensated sums of the errors, their absolute values and squares, and the labels' mean
/// and centred sum of squares (Welford's update on labels shifted by the first one, so that large offsets cost no precision;
/// Chan's formula to merge) for R².
/// </summary>
public sealed class RegressionAccumulator
{
    private CompensatedSum _error;
    private CompensatedSum _absolute;
    private CompensatedSum _squared;
    private long _count;
    private double _shift;
    private double _labelMean;
    private double _labelM2;

    /// <summary>Rows added.</summary>
    public long Count => _count;

    /// <summary>Adds one row; both values must be finite numbers.</summary>
    public void Add(double label, double prediction)
    {
        if (!double.IsFinite(label) || !double.IsFinite(prediction)) throw new ArgumentException("labels and predictions must be finite numbers");
        var e = prediction - label;
        _error.Add(e);
        _absolute.Add(Math.Abs(e));
        _squared.Add(e * e);
        if (_count == 0) _shift = label;
        _count++;
        var shifted = label - _shift;
        var delta = shifted - _labelMean;
        _labelMean += delta / _count;
        _labelM2 += delta * (shifted - _labelMean);
    }

    /// <summary>Adds another accumulator's rows.</summary>
    public void Merge(RegressionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0) return;
        if (_count == 0) _shift = other._shift;
        _error.Add(other._error);
        _absolute.Add(other._absolute);
        _squared.Add(other._squared);
        var n = _count + other._count;
        var delta = other._labelMean + (other._shift - _shift) - _labelMean;
        _labelM2 += other._labelM2 + delta * delta * ((double)_count * other._count / n);
        _labelMean += delta * other._count / n;
        _count = n;
    }

    /// <summary>The metrics of every row added so far; throws <see cref="DriftException"/> when there are none.</summary>
    public RegressionMetrics Result()
    {
        if (_count == 0) throw new DriftException("no rows to measure");
        var residual = _squared.Value;
        var r2 = _count < 2 ? double.NaN : _labelM2 > 0 ? 1 - residual / _labelM2 : residual == 0 ? 1 : 0;
        return new RegressionMetrics
        {
            Count = _count,
            MeanError = _error.Value / _count,
            MeanAbsoluteError = _absolute.Value / _count,
            RootMeanSquaredError = Math.Sqrt(_squared.Value / _count),
            R2 = r2,
        };
    }

    internal void WriteState(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("count", _count);
        foreach (var (name, sum) in new[] { ("error", _error), ("absolute", _absolute), ("squared", _squared) })
        {
            w.WriteStartArray(name);
            w.WriteNumberValue(sum.Parts.Sum);
            w.WriteNumberValue(sum.Parts.Compensation);
            w.WriteEndArray();
        }
        w.WriteNumber("shift", _shift);
        w.WriteNumber("label_mean", _labelMean);
        w.WriteNumber("label_m2", _labelM2);
        w.WriteEndObject();
    }

    internal static RegressionAccumulator ReadState(JsonElement e)
    {
        static CompensatedSum Sum(JsonElement e, string name) =>
            CompensatedSum.FromParts(e.GetProperty(name)[0].GetDouble(), e.GetProperty(name)[1].GetDouble());
        var count = e.GetProperty("count").GetInt64();
        if (count < 0) throw new DriftException("saved regression state is inconsistent");
        return new RegressionAccumulator
        {
            _count = count,
            _error = Sum(e, "error"),
            _absolute = Sum(e, "absolute"),
            _squared = Sum(e, "squared"),
            _shift = e.GetProperty("shift").GetDouble(),
            _labelMean = e.GetProperty("label_mean").GetDouble(),
            _labelM2 = e.GetProperty("label_m2").GetDouble(),
        };
    }
}
