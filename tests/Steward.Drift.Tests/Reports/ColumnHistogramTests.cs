using System.Text.Json;
using Steward.Drift.Reports;

namespace Steward.Drift.Tests.Reports;

public sealed class ColumnHistogramTests
{
    [Fact]
    public void NumericColumns_GetSturgesBins_CategoriesKeepTheMostFrequent_AndJsonHasThemOnlyWhenAsked()
    {
        var random = new Random(5);
        var numbers = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() * 10).ToArray();
        var labels = Enumerable.Range(0, 1000).Select(i => "c" + (i % 30 < 20 ? i % 5 : i % 30)).ToArray();
        var table = new DriftTable([DriftColumn.FromNumbers("x", numbers), DriftColumn.FromLabels("k", labels)]);
        var report = DriftEngine.Run(table, table);

        var x = report.Columns[0].Histogram!;
        Assert.Null(x.Categories);
        Assert.Equal(x.Count + 1, x.Edges!.Count);
        Assert.Equal(12, x.Count);                       // Sturges for 2,000 values: ⌈log2 2000 + 1⌉
        Assert.Equal(1000, x.Reference.Sum());
        Assert.Equal(x.Reference, x.Current);

        var k = report.Columns[1].Histogram!;
        Assert.Equal(ColumnHistogram.MaxCategories + 1, k.Count);
        Assert.Equal(ColumnHistogram.OtherBin, k.Categories![^1]);
        Assert.Subset(k.Categories.ToHashSet(), new HashSet<string> { "c0", "c1", "c2", "c3", "c4" });   // the five frequent ones; kept in label order
        Assert.Equal(1000, k.Current.Sum());

        Assert.DoesNotContain("histogram", DriftReportJson.Serialize(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(DriftReportJson.Serialize(report, includeHistograms: true));
        var histogram = json.RootElement.GetProperty("columns").GetProperty("k").GetProperty("histogram");
        Assert.Equal(13, histogram.GetProperty("categories").GetArrayLength());
        Assert.Equal(13, histogram.GetProperty("current").GetArrayLength());
    }

    [Fact]
    public void EmptySample_HasNoHistogram()
    {
        var reference = new DriftTable([DriftColumn.FromNumbers("x", [1, 2, 3])]);
        var current = new DriftTable([DriftColumn.FromNumbers("x", [double.NaN])]);
        Assert.Null(DriftEngine.Run(reference, current).Columns[0].Histogram);
    }
}
