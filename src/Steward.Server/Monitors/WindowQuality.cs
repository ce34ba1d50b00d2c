using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Drift.Fairness;
using Steward.Drift.Performance;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// A window's performance and fairness accumulators (stored as <c>{"performance": state, "fairness": {attribute: state}}</c>
/// with the window): one performance accumulator over the rows that carry both label and prediction, and for
/// classification one fairness accumulator per sensitive attribute over those rows that also carry the attribute.
/// </summary>
internal sealed class WindowQuality
{
    private WindowQuality(PerformanceAccumulator performance, Dictionary<string, FairnessAccumulator> fairness)
    {
        Performance = performance;
        Fairness = fairness;
    }

    public PerformanceAccumulator Performance { get; }

    /// <summary>Per sensitive attribute (classification only).</summary>
    public Dictionary<string, FairnessAccumulator> Fairness { get; }

    public static PerformanceTask Task(DriftMonitor monitor) => monitor.Task == "regression" ? PerformanceTask.Regression : PerformanceTask.Classification;

    /// <summary>Empty accumulators for the monitor's definition.</summary>
    public static WindowQuality Empty(DriftMonitor monitor)
    {
        var task = Task(monitor);
        var positive = monitor.PositiveClass ?? "1";
        var fairness = task == PerformanceTask.Classification
            ? monitor.Sensitive.ToDictionary(s => s, s => new FairnessAccumulator(s, positive), StringComparer.Ordinal)
            : [];
        // Binned ROC AUC: the window state stays constant in size whatever the traffic (its error bound is in the report).
        return new WindowQuality(new PerformanceAccumulator(task, positive, RocAucMode.Binned), fairness);
    }

    /// <summary>Restores stored state (a <see cref="DriftException"/> when it is malformed).</summary>
    public static WindowQuality FromJson(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new DriftException("malformed window quality state");
        var performance = PerformanceAccumulator.FromJson(root["performance"]?.ToJsonString() ?? throw new DriftException("no performance state"));
        var fairness = (root["fairness"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => FairnessAccumulator.FromJson(kv.Value!.ToJsonString()), StringComparer.Ordinal);
        return new WindowQuality(performance, fairness);
    }

    /// <summary>Adds <paramref name="other"/>'s rows into this state.</summary>
    public void Merge(WindowQuality other)
    {
        Performance.Merge(other.Performance);
        foreach (var (attribute, counts) in other.Fairness)
        {
            if (Fairness.TryGetValue(attribute, out var mine)) mine.Merge(counts);
            else Fairness[attribute] = counts;
        }
    }

    public string ToJson()
    {
        var fairness = new JsonObject();
        foreach (var (attribute, counts) in Fairness) fairness[attribute] = JsonNode.Parse(counts.ToJson());
        return new JsonObject { ["performance"] = JsonNode.Parse(Performance.ToJson()), ["fairness"] = fairness }.ToJsonString();
    }

    /// <summary>Folds a batch's state into the stored one (null: none yet); a batch without labelled rows leaves it as it is.</summary>
    public static string? Fold(string? stored, WindowQuality batch)
    {
        if (batch.Performance.Count == 0) return stored;
        if (stored is null) return batch.ToJson();
        var merged = FromJson(stored);
        merged.Merge(batch);
        return merged.ToJson();
    }
}
