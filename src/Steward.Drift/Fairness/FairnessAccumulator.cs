using System.Text;
using System.Text.Json;

namespace Steward.Drift.Fairness;

/// <summary>
/// Mergeable fairness counts: per group of a sensitive attribute, the confusion counts of binary predictions. Every metric
/// of <see cref="FairnessMetrics"/> follows exactly from them, AIF360's Theil index included (bᵢ = ŷᵢ − yᵢ + 1 is 0 for a
/// false negative, 2 for a false positive and 1 otherwise), so monitors add batches and merge windows without keeping rows.
/// </summary>
public sealed class FairnessAccumulator
{
    private readonly Dictionary<string, long[]> _groups = new(StringComparer.Ordinal);

    /// <summary>Creates counts for one sensitive attribute; <paramref name="positiveClass"/> is the positive outcome for the text overload of Add.</summary>
    public FairnessAccumulator(string attribute, string positiveClass = "1")
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        Attribute = attribute;
        PositiveClass = Performance.ClassLabel.Normalize(positiveClass);
    }

    /// <summary>The sensitive attribute's column.</summary>
    public string Attribute { get; }

    /// <summary>The positive outcome (normalised: <c>1.0</c> becomes <c>1</c>).</summary>
    public string PositiveClass { get; }

    /// <summary>Rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one row: its group, true outcome and predicted outcome.</summary>
    public void Add(string group, bool label, bool prediction)
    {
        ArgumentNullException.ThrowIfNull(group);
        Add(group, label, prediction, 1);
    }

    /// <summary>Adds one row from text: an outcome is positive when it equals <see cref="PositiveClass"/> (as numbers when both are numbers).</summary>
    public void Add(string group, string label, string prediction)
    {
        ArgumentNullException.ThrowIfNull(group);
        Add(group, Performance.ClassLabel.Normalize(label) == PositiveClass, Performance.ClassLabel.Normalize(prediction) == PositiveClass, 1);
    }

    /// <summary>Adds another accumulator's rows (same attribute).</summary>
    public void Merge(FairnessAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Attribute != Attribute) throw new ArgumentException("only counts of the same attribute merge", nameof(other));
        foreach (var (group, counts) in other._groups)
            for (var cell = 0; cell < 4; cell++)
                if (counts[cell] > 0) Add(group, cell >= 2, cell % 2 == 1, counts[cell]);
    }

    /// <summary>The metrics, with AIF360's comparisons when <paramref name="privileged"/> is given (it must be one of the groups).</summary>
    public FairnessReport Result(string? privileged = null)
    {
        if (Count == 0) throw new DriftException("no rows to measure");
        var rates = _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rates(g.Key, g.Value)).ToArray();
        if (privileged is not null && !_groups.ContainsKey(privileged))
            throw new DriftException($"the privileged value '{privileged}' does not occur in '{Attribute}'");
        var unprivileged = privileged is null ? null : Rates("unprivileged", Sum(_groups.Where(g => g.Key != privileged).Select(g => g.Value)));
        var all = Sum(_groups.Values);
        return FairnessMetrics.Build(Attribute, rates, privileged, unprivileged, Theil(falseNegatives: all[2], falsePositives: all[1], Count));
    }

    /// <summary>The counts as compact JSON, so a monitor can keep a window across restarts; <see cref="FromJson"/> restores them.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("attribute", Attribute);
            w.WriteString("positive_class", PositiveClass);
            w.WriteStartObject("groups");
            foreach (var (group, counts) in _groups)
            {
                w.WriteStartArray(group);
                foreach (var n in counts) w.WriteNumberValue(n);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Restores counts saved by <see cref="ToJson"/>; malformed state is a <see cref="DriftException"/>.</summary>
    public static FairnessAccumulator FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != 1) throw new DriftException("unsupported fairness state version");
            var accumulator = new FairnessAccumulator(root.GetProperty("attribute").GetString()!, root.GetProperty("positive_class").GetString()!);
            foreach (var group in root.GetProperty("groups").EnumerateObject())
            {
                var counts = group.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray();
                if (counts.Length != 4 || counts.Any(n => n < 0)) throw new DriftException($"malformed fairness state: group '{group.Name}' needs four counts");
                for (var cell = 0; cell < 4; cell++)
                    if (counts[cell] > 0) accumulator.Add(group.Name, cell >= 2, cell % 2 == 1, counts[cell]);
            }
            return accumulator;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new DriftException($"malformed fairness state: {e.Message}", e);
        }
    }

    /// <summary>Cells: 0 = (y 0, ŷ 0), 1 = (y 0, ŷ 1), 2 = (y 1, ŷ 0), 3 = (y 1, ŷ 1).</summary>
    private void Add(string group, bool label, bool prediction, long n)
    {
        if (!_groups.TryGetValue(group, out var counts)) _groups[group] = counts = new long[4];
        counts[(label ? 2 : 0) + (prediction ? 1 : 0)] += n;
        Count += n;
    }

    private static long[] Sum(IEnumerable<long[]> groups)
    {
        var sum = new long[4];
        foreach (var g in groups) for (var i = 0; i < 4; i++) sum[i] += g[i];
        return sum;
    }

    private static GroupRates Rates(string group, long[] c) =>
        new(group, c[0] + c[1] + c[2] + c[3], TruePositives: c[3], FalsePositives: c[1], Positives: c[2] + c[3], Negatives: c[0] + c[1]);

    /// <summary>(1/n) Σ (bᵢ/μ) ln(bᵢ/μ) from the counts of b = 0 (false negatives), 2 (false positives) and 1 (the rest).</summary>
    internal static double Theil(long falseNegatives, long falsePositives, long count)
    {
        var ones = count - falseNegatives - falsePositives;
        var mean = (ones + 2.0 * falsePositives) / count;
        double Term(double b) => b / mean * Math.Log(b / mean);
        return ((ones > 0 ? ones * Term(1) : 0) + (falsePositives > 0 ? falsePositives * Term(2) : 0)) / count;
    }
}
