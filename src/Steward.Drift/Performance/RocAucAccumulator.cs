using System.Text.Json;
using Steward.Drift.Numerics;

namespace Steward.Drift.Performance;

/// <summary>
/// ROC AUC of scores for a positive class, mergeable. The AUC is scikit-learn's <c>roc_auc_score</c>: the trapezoidal
/// area under the ROC curve, which equals the Mann–Whitney probability P(s⁺ &gt; s⁻) + ½ P(s⁺ = s⁻) over all
/// positive–negative pairs (ties count one half). <see cref="RocAucMode.Exact"/> keeps every score;
/// <see cref="RocAucMode.Binned"/> counts scores in <c>bins</c> equal-width bins over [<c>min</c>, <c>max</c>] (values
/// outside are clamped to the end bins) and treats scores sharing a bin as ties, so its error is at most
/// ½ Σ_b P_b N_b / (P N), which <see cref="Result"/> reports as <see cref="RocAuc.ErrorBound"/>.
/// </summary>
public sealed class RocAucAccumulator
{
    private readonly List<double>? _positives;
    private readonly List<double>? _negatives;
    private readonly long[]? _positiveBins;
    private readonly long[]? _negativeBins;
    private long _positiveCount;
    private long _negativeCount;

    /// <summary>Creates an accumulator; the bin settings apply to <see cref="RocAucMode.Binned"/> only.</summary>
    public RocAucAccumulator(RocAucMode mode = RocAucMode.Exact, int bins = 1000, double min = 0, double max = 1)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), "at least one bin");
        if (!(double.IsFinite(min) && double.IsFinite(max) && min < max)) throw new ArgumentException("the score range must be finite with min < max");
        Mode = mode;
        Bins = bins;
        Min = min;
        Max = max;
        if (mode == RocAucMode.Exact)
        {
            _positives = [];
            _negatives = [];
        }
        else
        {
            _positiveBins = new long[bins];
            _negativeBins = new long[bins];
        }
    }

    /// <summary>Exact or binned.</summary>
    public RocAucMode Mode { get; }

    /// <summary>Bins of the binned mode.</summary>
    public int Bins { get; }

    /// <summary>Lower end of the binned range.</summary>
    public double Min { get; }

    /// <summary>Upper end of the binned range.</summary>
    public double Max { get; }

    /// <summary>Adds one scored row. The score must be a finite number.</summary>
    public void Add(bool positive, double score)
    {
        if (!double.IsFinite(score)) throw new ArgumentOutOfRangeException(nameof(score), "a score must be a finite number");
        if (positive) _positiveCount++; else _negativeCount++;
        if (Mode == RocAucMode.Exact) (positive ? _positives! : _negatives!).Add(score);
        else (positive ? _positiveBins! : _negativeBins!)[Bin(score)]++;
    }

    /// <summary>Adds another accumulator's rows; both must have the same mode and bins.</summary>
    public void Merge(RocAucAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Mode != Mode || other.Bins != Bins || other.Min != Min || other.Max != Max)
            throw new ArgumentException("only accumulators with the same mode and bins merge", nameof(other));
        _positiveCount += other._positiveCount;
        _negativeCount += other._negativeCount;
        if (Mode == RocAucMode.Exact)
        {
            _positives!.AddRange(other._positives!);
            _negatives!.AddRange(other._negatives!);
            return;
        }
        for (var i = 0; i < Bins; i++)
        {
            _positiveBins![i] += other._positiveBins![i];
            _negativeBins![i] += other._negativeBins![i];
        }
    }

    /// <summary>The AUC (NaN when there are no positives or no negatives, where scikit-learn raises an error).</summary>
    public RocAuc Result()
    {
        if (_positiveCount == 0 || _negativeCount == 0) return new RocAuc(double.NaN, 0, _positiveCount, _negativeCount);
        var pairs = (double)_positiveCount * _negativeCount;
        if (Mode == RocAucMode.Exact)
        {
            var positives = _positives!.ToArray();
            var negatives = _negatives!.ToArray();
            DoubleSort.Sort(positives);
            DoubleSort.Sort(negatives);
            return new RocAuc(MannWhitney(positives, negatives) / pairs, 0, _positiveCount, _negativeCount);
        }
        double below = 0, wins = 0, ties = 0;
        for (var b = 0; b < Bins; b++)
        {
            wins += _positiveBins![b] * (below + 0.5 * _negativeBins![b]);
            ties += (double)_positiveBins[b] * _negativeBins[b];
            below += _negativeBins[b];
        }
        return new RocAuc(wins / pairs, 0.5 * ties / pairs, _positiveCount, _negativeCount);
    }

    /// <summary>Σ over positives of (#negatives below + ½ #negatives equal), both arrays sorted.</summary>
    private static double MannWhitney(double[] positives, double[] negatives)
    {
        double u = 0;
        int below = 0, upTo = 0;
        for (var i = 0; i < positives.Length; i++)
        {
            var s = positives[i];
            while (below < negatives.Length && negatives[below] < s) below++;
            if (upTo < below) upTo = below;
            while (upTo < negatives.Length && negatives[upTo] <= s) upTo++;
            u += below + 0.5 * (upTo - below);
        }
        return u;
    }

    private int Bin(double score)
    {
        var position = (score - Min) / (Max - Min) * Bins;
        return position <= 0 ? 0 : position >= Bins ? Bins - 1 : (int)position;
    }

    internal void WriteState(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("mode", Mode == RocAucMode.Exact ? "exact" : "binned");
        w.WriteNumber("bins", Bins);
        w.WriteNumber("min", Min);
        w.WriteNumber("max", Max);
        w.WriteNumber("positive_count", _positiveCount);
        w.WriteNumber("negative_count", _negativeCount);
        if (Mode == RocAucMode.Exact)
        {
            Array(w, "positives", _positives!);
            Array(w, "negatives", _negatives!);
        }
        else
        {
            Array(w, "positives", _positiveBins!);
            Array(w, "negatives", _negativeBins!);
        }
        w.WriteEndObject();
    }

    internal static RocAucAccumulator ReadState(JsonElement e)
    {
        var mode = e.GetProperty("mode").GetString() switch
        {
            "exact" => RocAucMode.Exact,
            "binned" => RocAucMode.Binned,
            var other => throw new DriftException($"unknown ROC AUC mode '{other}' in saved state"),
        };
        var auc = new RocAucAccumulator(mode, e.GetProperty("bins").GetInt32(), e.GetProperty("min").GetDouble(), e.GetProperty("max").GetDouble());
        auc._positiveCount = e.GetProperty("positive_count").GetInt64();
        auc._negativeCount = e.GetProperty("negative_count").GetInt64();
        if (mode == RocAucMode.Exact)
        {
            auc._positives!.AddRange(e.GetProperty("positives").EnumerateArray().Select(v => v.GetDouble()));
            auc._negatives!.AddRange(e.GetProperty("negatives").EnumerateArray().Select(v => v.GetDouble()));
            if (auc._positives.Count != auc._positiveCount || auc._negatives.Count != auc._negativeCount) throw new DriftException("saved ROC AUC state is inconsistent");
        }
        else
        {
            var positives = e.GetProperty("positives").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var negatives = e.GetProperty("negatives").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            if (positives.Length != auc.Bins || negatives.Length != auc.Bins || positives.Sum() != auc._positiveCount || negatives.Sum() != auc._negativeCount)
                throw new DriftException("saved ROC AUC state is inconsistent");
            positives.CopyTo(auc._positiveBins!, 0);
            negatives.CopyTo(auc._negativeBins!, 0);
        }
        return auc;
    }

    private static void Array(Utf8JsonWriter w, string name, List<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Array(Utf8JsonWriter w, string name, long[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
