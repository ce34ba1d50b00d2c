using System.Text.Json;
using Steward.Drift.Numerics;

namespace Steward.Drift.Performance;

/// <summary>
/// The scores of one class in one score column, for multi-class ROC AUC: every score (exact) or counts in equal-width bins
/// over [0, 1] (probabilities; outside values go to the end bins). Mann–Whitney counts between two sets give any AUC.
/// </summary>
internal sealed class ScoreSet
{
    private readonly List<double>? _values;
    private readonly long[]? _bins;
    private double[]? _sorted;

    public ScoreSet(RocAucMode mode, int bins)
    {
        if (mode == RocAucMode.Exact) _values = [];
        else _bins = new long[bins];
    }

    public long Count { get; private set; }

    public void Add(double score)
    {
        Count++;
        if (_values is not null)
        {
            _values.Add(score);
            _sorted = null;
            return;
        }
        var position = score * _bins!.Length;
        _bins[position <= 0 ? 0 : position >= _bins.Length ? _bins.Length - 1 : (int)position]++;
    }

    public void Merge(ScoreSet other)
    {
        Count += other.Count;
        if (_values is not null)
        {
            _values.AddRange(other._values!);
            _sorted = null;
            return;
        }
        for (var b = 0; b < _bins!.Length; b++) _bins[b] += other._bins![b];
    }

    /// <summary>
    /// Σ over this set's scores of (#other scores below + ½ #equal): the Mann–Whitney U of this set against
    /// <paramref name="other"/>; <c>Ties</c> is the pairs sharing a bin (binned mode; 0 when exact), whose half is the error bound.
    /// </summary>
    public (double U, double Ties) Against(ScoreSet other)
    {
        if (_values is not null)
        {
            var positives = Sorted();
            var negatives = other.Sorted();
            double u = 0;
            int below = 0, upTo = 0;
            foreach (var s in positives)
            {
                while (below < negatives.Length && negatives[below] < s) below++;
                if (upTo < below) upTo = below;
                while (upTo < negatives.Length && negatives[upTo] <= s) upTo++;
                u += below + 0.5 * (upTo - below);
            }
            return (u, 0);
        }
        double wins = 0, ties = 0, under = 0;
        for (var b = 0; b < _bins!.Length; b++)
        {
            wins += _bins[b] * (under + 0.5 * other._bins![b]);
            ties += (double)_bins[b] * other._bins[b];
            under += other._bins[b];
        }
        return (wins, ties);
    }

    private double[] Sorted()
    {
        if (_sorted is not null) return _sorted;
        var sorted = _values!.ToArray();
        DoubleSort.Sort(sorted);
        return _sorted = sorted;
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        if (_values is not null) foreach (var v in _values) w.WriteNumberValue(v);
        else foreach (var n in _bins!) w.WriteNumberValue(n);
        w.WriteEndArray();
    }

    public void Read(JsonElement e)
    {
        if (_values is not null)
        {
            foreach (var v in e.EnumerateArray()) Add(v.GetDouble());
            return;
        }
        var counts = e.EnumerateArray().Select(v => v.GetInt64()).ToArray();
        if (counts.Length != _bins!.Length || counts.Any(n => n < 0)) throw new DriftException("saved multi-class ROC AUC state is inconsistent");
        counts.CopyTo(_bins, 0);
        Count = counts.Sum();
    }
}
