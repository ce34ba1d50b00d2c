using System.Text.Json;

namespace Steward.Drift.Performance;

/// <summary>
/// Mergeable classification quality: confusion counts per (label, prediction) and, for rows with a score of the positive
/// class, a <see cref="RocAucAccumulator"/>. Labels that are numbers compare as numbers (<c>1.0</c> is class <c>1</c>).
/// Add batches as they arrive, <see cref="Merge"/> windows, and read <see cref="Result"/> at any time.
/// </summary>
public sealed class ClassificationAccumulator
{
    private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Dictionary<(int Label, int Prediction), long> _confusion = [];
    private readonly RocAucAccumulator _auc;
    private MulticlassRocAucAccumulator? _multiclass;
    private long _count;
    private long _scored;

    /// <summary>Creates an accumulator for <paramref name="positiveClass"/> (default <c>1</c>) with the given ROC AUC mode.</summary>
    public ClassificationAccumulator(string positiveClass = "1", RocAucMode aucMode = RocAucMode.Exact, int aucBins = 1000)
        : this(positiveClass, new RocAucAccumulator(aucMode, aucBins))
    {
    }

    private ClassificationAccumulator(string positiveClass, RocAucAccumulator auc)
    {
        PositiveClass = ClassLabel.Normalize(positiveClass);
        _auc = auc;
    }

    /// <summary>
    /// Creates an accumulator that also measures multi-class ROC AUC over one score column per class of
    /// <paramref name="scoreClasses"/> (in column order), with the same AUC mode and bins.
    /// </summary>
    public ClassificationAccumulator(string positiveClass, IReadOnlyList<string> scoreClasses, RocAucMode aucMode = RocAucMode.Exact, int aucBins = 1000)
        : this(positiveClass, aucMode, aucBins)
    {
        _multiclass = new MulticlassRocAucAccumulator(scoreClasses, aucMode, aucBins);
    }

    /// <summary>The classes of the multi-class score columns, when there are any.</summary>
    public IReadOnlyList<string>? ScoreClasses => _multiclass?.Classes;

    /// <summary>The positive class (normalised: <c>1.0</c> becomes <c>1</c>).</summary>
    public string PositiveClass { get; }

    /// <summary>Rows added.</summary>
    public long Count => _count;

    /// <summary>Adds one row; <paramref name="score"/> is the model's score for the positive class, when it has one.</summary>
    public void Add(string label, string prediction, double? score = null)
    {
        var l = Index(ClassLabel.Normalize(label));
        var p = Index(ClassLabel.Normalize(prediction));
        if (score is { } s)
        {
            _auc.Add(_names[l] == PositiveClass, s);
            _scored++;
        }
        _confusion[(l, p)] = _confusion.GetValueOrDefault((l, p)) + 1;
        _count++;
    }

    /// <summary>
    /// Adds one row with a score per class of <see cref="ScoreClasses"/> (column order). A row whose label is not one of them,
    /// or with a score that is not finite, counts for every metric but the multi-class ROC AUC.
    /// </summary>
    public void Add(string label, string prediction, ReadOnlySpan<double> classScores)
    {
        if (_multiclass is null) throw new InvalidOperationException("this accumulator has no score classes");
        Add(label, prediction);
        _multiclass.Add(_names[Index(ClassLabel.Normalize(label))], classScores);
    }

    /// <summary>Adds another accumulator's rows (same positive class and AUC mode).</summary>
    public void Merge(ClassificationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.PositiveClass != PositiveClass) throw new ArgumentException("only accumulators with the same positive class merge", nameof(other));
        if ((_multiclass is null) != (other._multiclass is null)) throw new ArgumentException("only accumulators with the same score classes merge", nameof(other));
        _auc.Merge(other._auc);
        _multiclass?.Merge(other._multiclass!);
        foreach (var ((l, p), n) in other._confusion)
        {
            var key = (Index(other._names[l]), Index(other._names[p]));
            _confusion[key] = _confusion.GetValueOrDefault(key) + n;
        }
        _count += other._count;
        _scored += other._scored;
    }

    /// <summary>The metrics of every row added so far; throws <see cref="DriftException"/> when there are none.</summary>
    public ClassificationMetrics Result()
    {
        if (_count == 0) throw new DriftException("no rows to measure");
        var k = _names.Count;
        var tp = new long[k];
        var predicted = new long[k];
        var actual = new long[k];
        long correct = 0;
        foreach (var ((l, p), n) in _confusion)
        {
            actual[l] += n;
            predicted[p] += n;
            if (l == p)
            {
                tp[l] += n;
                correct += n;
            }
        }
        var classes = Enumerable.Range(0, k).OrderBy(i => _names[i], StringComparer.Ordinal)
            .Select(i => Metrics(_names[i], tp[i], predicted[i], actual[i])).ToArray();
        var positive = _classes.TryGetValue(PositiveClass, out var index)
            ? Metrics(PositiveClass, tp[index], predicted[index], actual[index])
            : new ClassMetrics(PositiveClass, 0, 0, 0, 0);
        long support = 0, tpSum = 0, predictedSum = 0;
        double weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
        foreach (var c in classes)
        {
            support += c.Support;
            weightedPrecision += c.Support * c.Precision;
            weightedRecall += c.Support * c.Recall;
            weightedF1 += c.Support * c.F1;
        }
        for (var i = 0; i < k; i++)
        {
            tpSum += tp[i];
            predictedSum += predicted[i];
        }
        var microPrecision = predictedSum == 0 ? 0 : (double)tpSum / predictedSum;
        var microRecall = support == 0 ? 0 : (double)tpSum / support;
        return new ClassificationMetrics
        {
            Count = _count,
            PositiveClass = PositiveClass,
            Accuracy = (double)correct / _count,
            Precision = positive.Precision,
            Recall = positive.Recall,
            F1 = positive.F1,
            MacroPrecision = classes.Average(c => c.Precision),
            MacroRecall = classes.Average(c => c.Recall),
            MacroF1 = classes.Average(c => c.F1),
            WeightedPrecision = support == 0 ? 0 : weightedPrecision / support,
            WeightedRecall = support == 0 ? 0 : weightedRecall / support,
            WeightedF1 = support == 0 ? 0 : weightedF1 / support,
            MicroPrecision = microPrecision,
            MicroRecall = microRecall,
            MicroF1 = microPrecision + microRecall == 0 ? 0 : 2 * microPrecision * microRecall / (microPrecision + microRecall),
            Classes = classes,
            Confusion = _confusion.ToDictionary(e => (_names[e.Key.Label], _names[e.Key.Prediction]), e => e.Value),
            RocAuc = _scored == 0 ? null : _auc.Result(),
            MulticlassRocAuc = _multiclass is { Count: > 0 } multiclass ? multiclass.Result() : null,
        };
    }

    private static ClassMetrics Metrics(string name, long tp, long predicted, long actual)
    {
        var precision = predicted == 0 ? 0 : (double)tp / predicted;
        var recall = actual == 0 ? 0 : (double)tp / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(name, precision, recall, f1, actual);
    }

    private int Index(string name)
    {
        if (_classes.TryGetValue(name, out var i)) return i;
        i = _names.Count;
        _classes[name] = i;
        _names.Add(name);
        return i;
    }

    internal void WriteState(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("positive_class", PositiveClass);
        w.WriteNumber("scored", _scored);
        w.WriteStartArray("confusion");
        foreach (var ((l, p), n) in _confusion)
        {
            w.WriteStartArray();
            w.WriteStringValue(_names[l]);
            w.WriteStringValue(_names[p]);
            w.WriteNumberValue(n);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WritePropertyName("roc_auc");
        _auc.WriteState(w);
        if (_multiclass is not null)
        {
            w.WritePropertyName("multiclass_roc_auc");
            _multiclass.WriteState(w);
        }
        w.WriteEndObject();
    }

    internal static ClassificationAccumulator ReadState(JsonElement e)
    {
        var accumulator = new ClassificationAccumulator(e.GetProperty("positive_class").GetString()!, RocAucAccumulator.ReadState(e.GetProperty("roc_auc")))
        {
            _scored = e.GetProperty("scored").GetInt64(),
        };
        if (e.TryGetProperty("multiclass_roc_auc", out var multiclass)) accumulator._multiclass = MulticlassRocAucAccumulator.ReadState(multiclass);
        foreach (var cell in e.GetProperty("confusion").EnumerateArray())
        {
            var n = cell[2].GetInt64();
            if (n <= 0) throw new DriftException("saved classification state is inconsistent");
            var key = (accumulator.Index(cell[0].GetString()!), accumulator.Index(cell[1].GetString()!));
            accumulator._confusion[key] = accumulator._confusion.GetValueOrDefault(key) + n;
            accumulator._count += n;
        }
        return accumulator;
    }
}
