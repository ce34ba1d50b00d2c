using Steward.Drift.Fairness;
using Steward.Drift.Performance;

namespace Steward.Drift.Tests.Performance;

/// <summary>Saved and restored accumulators go on as if never interrupted.</summary>
public sealed class AccumulatorStateTests
{
    [Theory]
    [InlineData(PerformanceTask.Classification, RocAucMode.Exact)]
    [InlineData(PerformanceTask.Classification, RocAucMode.Binned)]
    [InlineData(PerformanceTask.Regression, RocAucMode.Exact)]
    public void RestoredState_ContinuesExactly(PerformanceTask task, RocAucMode mode)
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 3000).Select(_ =>
        {
            var score = random.NextDouble();
            return task == PerformanceTask.Classification
                ? (Label: random.NextDouble() < score ? "yes" : random.Next(2) == 0 ? "no" : "maybe", Prediction: score > 0.5 ? "yes" : "no", Score: (double?)score)
                : (Label: (score * 1e9).ToString("R", System.Globalization.CultureInfo.InvariantCulture), Prediction: (score * 1e9 + random.NextDouble()).ToString("R", System.Globalization.CultureInfo.InvariantCulture), Score: null);
        }).ToArray();
        var whole = new PerformanceAccumulator(task, "yes", mode);
        var saved = new PerformanceAccumulator(task, "yes", mode);
        var other = new PerformanceAccumulator(task, "yes", mode);
        for (var i = 0; i < 1000; i++) saved.Add(rows[i].Label, rows[i].Prediction, rows[i].Score);
        var restored = PerformanceAccumulator.FromJson(saved.ToJson());
        for (var i = 1000; i < 2000; i++) restored.Add(rows[i].Label, rows[i].Prediction, rows[i].Score);
        for (var i = 2000; i < 3000; i++) other.Add(rows[i].Label, rows[i].Prediction, rows[i].Score);
        restored.Merge(PerformanceAccumulator.FromJson(other.ToJson()));
        foreach (var row in rows) whole.Add(row.Label, row.Prediction, row.Score);

        Assert.Equal(whole.Count, restored.Count);
        Assert.Equal(whole.Result().Headline(), restored.Result().Headline());
    }

    [Fact]
    public void FairnessCounts_RoundTrip()
    {
        var counts = new FairnessAccumulator("sex", "1");
        counts.Add("f", "1", "1");
        counts.Add("m", "0", "1");
        counts.Add("m", "1", "0");
        var restored = FairnessAccumulator.FromJson(counts.ToJson());
        Assert.Equal(counts.Count, restored.Count);
        Assert.Equal(counts.Result("m").Groups, restored.Result("m").Groups);
        Assert.Equal(counts.Result("m").Privileged, restored.Result("m").Privileged);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\": 2, \"task\": \"regression\", \"state\": {}}")]
    [InlineData("{\"version\": 1, \"task\": \"ranking\", \"state\": {}}")]
    [InlineData("{\"version\": 1, \"task\": \"regression\", \"state\": {\"count\": 3}}")]
    [InlineData("{\"version\": 1, \"task\": \"classification\", \"state\": {\"positive_class\": \"1\", \"scored\": 0, \"confusion\": [[\"1\", \"1\", -2]], \"roc_auc\": {\"mode\": \"exact\", \"bins\": 1, \"min\": 0, \"max\": 1, \"positive_count\": 0, \"negative_count\": 0, \"positives\": [], \"negatives\": []}}}")]
    [InlineData("{\"version\": 1, \"task\": \"classification\", \"state\": {\"positive_class\": \"1\", \"scored\": 1, \"confusion\": [], \"roc_auc\": {\"mode\": \"exact\", \"bins\": 1, \"min\": 0, \"max\": 1, \"positive_count\": 1, \"negative_count\": 0, \"positives\": [], \"negatives\": []}}}")]
    public void MalformedState_IsADriftException(string json)
    {
        Assert.Throws<DriftException>(() => PerformanceAccumulator.FromJson(json));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"version\": 1, \"attribute\": \"sex\", \"positive_class\": \"1\", \"groups\": {\"f\": [1, 2]}}")]
    [InlineData("{\"version\": 1, \"attribute\": \"\", \"positive_class\": \"1\", \"groups\": {}}")]
    public void MalformedFairnessState_IsADriftException(string json)
    {
        Assert.Throws<DriftException>(() => FairnessAccumulator.FromJson(json));
    }
}
