using System.Text;
using System.Text.Json;
using Steward.Drift.Io;

namespace Steward.Drift.Performance;

/// <summary>
/// One mergeable accumulator for either task, fed with text as it comes from files and requests: a classification label
/// or prediction is any text (numbers compare as numbers), a regression label or prediction must parse as a number.
/// Monitors keep one per window and <see cref="Merge"/> batches; reports call <see cref="Result"/>.
/// </summary>
public sealed class PerformanceAccumulator
{
    private readonly ClassificationAccumulator? _classification;
    private readonly RegressionAccumulator? _regression;

    /// <summary>Creates an accumulator; <paramref name="positiveClass"/> and the AUC settings apply to classification.</summary>
    public PerformanceAccumulator(PerformanceTask task, string positiveClass = "1", RocAucMode aucMode = RocAucMode.Exact, int aucBins = 1000)
    {
        Task = task;
        if (task == PerformanceTask.Classification) _classification = new ClassificationAccumulator(positiveClass, aucMode, aucBins);
        else _regression = new RegressionAccumulator();
    }

    /// <summary>A classification accumulator that also measures multi-class ROC AUC over one score column per class of <paramref name="scoreClasses"/>.</summary>
    public PerformanceAccumulator(string positiveClass, IReadOnlyList<string> scoreClasses, RocAucMode aucMode = RocAucMode.Exact, int aucBins = 1000)
        : this(new ClassificationAccumulator(positiveClass, scoreClasses, aucMode, aucBins), null)
    {
    }

    private PerformanceAccumulator(ClassificationAccumulator? classification, RegressionAccumulator? regression)
    {
        Task = classification is not null ? PerformanceTask.Classification : PerformanceTask.Regression;
        _classification = classification;
        _regression = regression;
    }

    /// <summary>The task.</summary>
    public PerformanceTask Task { get; }

    /// <summary>Rows added.</summary>
    public long Count => _classification?.Count ?? _regression!.Count;

    /// <summary>
    /// Adds one row. Regression: both texts must be finite numbers (<see cref="DriftException"/> otherwise); classification:
    /// <paramref name="score"/> is the score of the positive class for ROC AUC.
    /// </summary>
    public void Add(string label, string prediction, double? score = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(prediction);
        if (_classification is not null)
        {
            if (score is { } s && !double.IsFinite(s)) throw new DriftException("a prediction score must be a finite number");
            _classification.Add(label, prediction, score);
            return;
        }
        _regression!.Add(Number(label, "label"), Number(prediction, "prediction"));
    }

    /// <summary>Adds one classification row with a score per score class (multi-class ROC AUC; see <see cref="ClassificationAccumulator.Add(string, string, ReadOnlySpan{double})"/>).</summary>
    public void Add(string label, string prediction, ReadOnlySpan<double> classScores)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(prediction);
        if (_classification is null) throw new InvalidOperationException("class scores belong to a classification");
        _classification.Add(label, prediction, classScores);
    }

    /// <summary>Adds one regression row from numbers already parsed (both finite).</summary>
    internal void Add(double label, double prediction)
    {
        if (_regression is null) throw new InvalidOperationException("numbers are added to a regression accumulator");
        _regression.Add(label, prediction);
    }

    /// <summary>Adds another accumulator's rows (same task and settings).</summary>
    public void Merge(PerformanceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Task != Task) throw new ArgumentException("only accumulators of the same task merge", nameof(other));
        if (_classification is not null) _classification.Merge(other._classification!);
        else _regression!.Merge(other._regression!);
    }

    /// <summary>The metrics so far; throws <see cref="DriftException"/> when no row was added.</summary>
    public PerformanceMetrics Result() => _classification is not null
        ? new PerformanceMetrics { Task = Task, Count = Count, Classification = _classification.Result() }
        : new PerformanceMetrics { Task = Task, Count = Count, Regression = _regression!.Result() };

    private static double Number(string text, string what) =>
        TableReader.TryNumber(text, out var value) && double.IsFinite(value)
            ? value
            : throw new DriftException($"a regression {what} must be a finite number, not '{(text.Length <= 40 ? text : text[..40] + "…")}'");

    /// <summary>
    /// The accumulator's whole state as compact JSON, so a monitor can keep a window across restarts; <see cref="FromJson"/>
    /// restores it exactly (same results, and it goes on accumulating and merging). Exact ROC AUC state holds every score.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("task", Task == PerformanceTask.Classification ? "classification" : "regression");
            w.WritePropertyName("state");
            if (_classification is not null) _classification.WriteState(w);
            else _regression!.WriteState(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Restores an accumulator saved by <see cref="ToJson"/>; malformed state is a <see cref="DriftException"/>.</summary>
    public static PerformanceAccumulator FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != 1) throw new DriftException("unsupported performance state version");
            var state = root.GetProperty("state");
            return root.GetProperty("task").GetString() switch
            {
                "classification" => new PerformanceAccumulator(ClassificationAccumulator.ReadState(state), null),
                "regression" => new PerformanceAccumulator(null, RegressionAccumulator.ReadState(state)),
                var other => throw new DriftException($"unknown task '{other}' in saved performance state"),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new DriftException($"malformed performance state: {e.Message}", e);
        }
    }
}
