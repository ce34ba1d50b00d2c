using System.Text.Json;

namespace Steward.Drift.Performance;

/// <summary>
/// Mergeable multi-class ROC AUC (<see cref="MulticlassRocAuc"/>): for each true class y and score column c it keeps the scores
/// of column c over the rows labelled y (every score, or bin counts over [0, 1] in <see cref="RocAucMode.Binned"/>). Mann–Whitney
/// counts add over disjoint sets, so one-vs-rest and one-vs-one AUCs both follow from the pairwise counts of these sets.
/// Memory: exact, 8 bytes per class per row; binned, classes² × bins counts.
/// </summary>
public sealed class MulticlassRocAucAccumulator
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly ScoreSet[,] _sets;

    /// <summary>Creates an accumulator for the score columns of <paramref name="classes"/> (in column order; at least 2).</summary>
    public MulticlassRocAucAccumulator(IReadOnlyList<string> classes, RocAucMode mode = RocAucMode.Exact, int bins = 1000)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count < 2) throw new ArgumentException("multi-class ROC AUC needs at least 2 classes", nameof(classes));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), "at least one bin");
        Classes = classes.Select(ClassLabel.Normalize).ToArray();
        for (var i = 0; i < Classes.Count; i++)
            if (!_index.TryAdd(Classes[i], i)) throw new ArgumentException($"class '{Classes[i]}' is given twice", nameof(classes));
        Mode = mode;
        Bins = bins;
        _sets = new ScoreSet[Classes.Count, Classes.Count];
        for (var y = 0; y < Classes.Count; y++)
            for (var c = 0; c < Classes.Count; c++) _sets[y, c] = new ScoreSet(mode, bins);
    }

    /// <summary>The classes (normalised: <c>1.0</c> is <c>1</c>), one per score column.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Exact or binned.</summary>
    public RocAucMode Mode { get; }

    /// <summary>Bins of the binned mode.</summary>
    public int Bins { get; }

    /// <summary>Rows added.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Adds a row: its true label and one finite score per class (column order). Returns <see langword="false"/> (nothing added)
    /// when the label is not one of the classes or a score is not finite.
    /// </summary>
    public bool Add(string label, ReadOnlySpan<double> scores)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (scores.Length != Classes.Count) throw new ArgumentException($"expected {Classes.Count} scores, got {scores.Length}", nameof(scores));
        if (!_index.TryGetValue(ClassLabel.Normalize(label), out var y)) return false;
        foreach (var s in scores)
            if (!double.IsFinite(s)) return false;
        for (var c = 0; c < scores.Length; c++) _sets[y, c].Add(scores[c]);
        Count++;
        return true;
    }

    /// <summary>Adds another accumulator's rows (same classes in the same order, mode and bins).</summary>
    public void Merge(MulticlassRocAucAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Mode != Mode || other.Bins != Bins || !other.Classes.SequenceEqual(Classes, StringComparer.Ordinal))
            throw new ArgumentException("only accumulators with the same classes, mode and bins merge", nameof(other));
        for (var y = 0; y < Classes.Count; y++)
            for (var c = 0; c < Classes.Count; c++) _sets[y, c].Merge(other._sets[y, c]);
        Count += other.Count;
    }

    /// <summary>The four averages and the per-class one-vs-rest AUCs.</summary>
    public MulticlassRocAuc Result()
    {
        var k = Classes.Count;
        var n = new long[k];
        for (var y = 0; y < k; y++) n[y] = _sets[y, 0].Count;
        var total = (double)Count;
        var ovr = new double[k];
        var ovrBound = new double[k];
        for (var c = 0; c < k; c++)
        {
            var rest = Count - n[c];
            if (n[c] == 0 || rest == 0)
            {
                ovr[c] = ovrBound[c] = double.NaN;
                continue;
            }
            double u = 0, ties = 0;
            for (var y = 0; y < k; y++)
            {
                if (y == c) continue;
                var (uy, ty) = _sets[c, c].Against(_sets[y, c]);
                u += uy;
                ties += ty;
            }
            var pairs = (double)n[c] * rest;
            ovr[c] = u / pairs;
            ovrBound[c] = 0.5 * ties / pairs;
        }
        double ovo = 0, ovoWeighted = 0, weights = 0, ovoBound = 0, ovoWeightedBound = 0;
        var pairCount = 0;
        for (var a = 0; a < k; a++)
            for (var b = a + 1; b < k; b++)
            {
                if (n[a] == 0 || n[b] == 0) continue;   // as scikit-learn: pairs of the classes present in the labels only
                pairCount++;
                var pairs = (double)n[a] * n[b];
                var (uab, tab) = _sets[a, a].Against(_sets[b, a]);
                var (uba, tba) = _sets[b, b].Against(_sets[a, b]);
                var score = (uab + uba) / (2 * pairs);
                var bound = 0.5 * (tab + tba) / (2 * pairs);
                var prevalence = (n[a] + n[b]) / total;
                ovo += score;
                ovoBound += bound;
                ovoWeighted += prevalence * score;
                ovoWeightedBound += prevalence * bound;
                weights += prevalence;
            }
        var ovrWeighted = Enumerable.Range(0, k).Sum(c => n[c] * ovr[c]) / total;
        var ovrWeightedBound = Enumerable.Range(0, k).Sum(c => n[c] * ovrBound[c]) / total;
        var result = Count == 0
            ? new MulticlassRocAuc(double.NaN, double.NaN, double.NaN, double.NaN, Classes.Select(c => (c, double.NaN)).ToArray(), 0, 0)
            : new MulticlassRocAuc(ovr.Average(), ovrWeighted, pairCount == 0 ? double.NaN : ovo / pairCount, pairCount == 0 ? double.NaN : ovoWeighted / weights,
                Classes.Select((c, i) => (c, ovr[i])).ToArray(), 0, Count);
        if (Mode == RocAucMode.Exact || Count == 0) return result;
        var bounds = new[] { ovrBound.Average(), ovrWeightedBound, pairCount == 0 ? 0 : ovoBound / pairCount, pairCount == 0 ? 0 : ovoWeightedBound / weights };
        return result with { ErrorBound = bounds.Where(double.IsFinite).DefaultIfEmpty(0).Max() };
    }

    internal void WriteState(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("mode", Mode == RocAucMode.Exact ? "exact" : "binned");
        w.WriteNumber("bins", Bins);
        w.WriteStartArray("classes");
        foreach (var c in Classes) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("scores");   // [true class][score column]
        for (var y = 0; y < Classes.Count; y++)
        {
            w.WriteStartArray();
            for (var c = 0; c < Classes.Count; c++) _sets[y, c].Write(w);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static MulticlassRocAucAccumulator ReadState(JsonElement e)
    {
        var mode = e.GetProperty("mode").GetString() switch
        {
            "exact" => RocAucMode.Exact,
            "binned" => RocAucMode.Binned,
            var other => throw new DriftException($"unknown ROC AUC mode '{other}' in saved state"),
        };
        var classes = e.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var auc = new MulticlassRocAucAccumulator(classes, mode, e.GetProperty("bins").GetInt32());
        var rows = e.GetProperty("scores");
        if (rows.GetArrayLength() != classes.Length) throw new DriftException("saved multi-class ROC AUC state is inconsistent");
        var y = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.GetArrayLength() != classes.Length) throw new DriftException("saved multi-class ROC AUC state is inconsistent");
            var c = 0;
            foreach (var set in row.EnumerateArray()) auc._sets[y, c++].Read(set);
            for (c = 1; c < classes.Length; c++)
                if (auc._sets[y, c].Count != auc._sets[y, 0].Count) throw new DriftException("saved multi-class ROC AUC state is inconsistent");
            auc.Count += auc._sets[y, 0].Count;
            y++;
        }
        return auc;
    }
}
