using System.Text;
using System.Xml.Linq;
using Steward.Drift.Reports;

namespace Steward.Drift.Tests.Reports;

public sealed class DriftReportHtmlTests
{
    private static DriftReport Report(string name, double shift)
    {
        var random = new Random(7);
        var reference = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var current = reference.Select(v => v + shift).ToArray();
        var labels = Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? "<b>&\"'" : "plain").ToArray();
        return DriftEngine.Run(
            new DriftTable([DriftColumn.FromNumbers(name, reference), DriftColumn.FromLabels("label", labels)]),
            new DriftTable([DriftColumn.FromNumbers(name, current), DriftColumn.FromLabels("label", labels)]));
    }

    private static string Render(IReadOnlyList<DriftReport> history, DriftReportHtmlOptions? options = null)
    {
        using var stream = new MemoryStream();
        DriftReportHtml.Write(history, stream, options);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void UserData_IsEscaped_AndThePageHasNoScriptOrNetwork()
    {
        var html = Render([Report("<script>alert('x')</script>", 0.5)], new DriftReportHtmlOptions { Title = "T <i>", Subtitle = "model \"m\" & co" });
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;&quot;&#39;", html, StringComparison.Ordinal);
        Assert.Contains("T &lt;i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("Dataset drift detected", html, StringComparison.Ordinal);
        XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal));   // well-formed: every element closed
    }

    [Fact]
    public void EveryColumn_HasACollapsedSectionWithItsChart_DriftedFirst()
    {
        var html = Render([Report("x", 0.5)]);
        Assert.Equal(2, html.Split("<details>").Length - 1);
        Assert.True(html.IndexOf("<b>x</b>", StringComparison.Ordinal) < html.IndexOf("<b>label</b>", StringComparison.Ordinal));
        Assert.Contains("<title>Distribution of x:", html, StringComparison.Ordinal);
        Assert.Contains("<td>plain</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"trend\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void History_DrawsATrend_WithItsLabels()
    {
        var html = Render([Report("x", 0), Report("x", 0.2), Report("x", 0.5)], new DriftReportHtmlOptions { HistoryLabels = ["mon", "tue", "<wed>"] });
        Assert.Contains("id=\"trend\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<circle").Length - 1);
        Assert.Contains("<title>&lt;wed&gt;: 0.5</title>", html, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Render([Report("x", 0)], new DriftReportHtmlOptions { HistoryLabels = ["a", "b"] }));
        Assert.Throws<ArgumentException>(() => Render([]));
    }

    [Theory]
    [InlineData("wasserstein", 0.2, 0.1, 2.0)]
    [InlineData("ks", 0.05, 0.05, 1.0)]
    [InlineData("ks", 1.0, 0.05, 0.0)]
    [InlineData("ks", 0.0025, 0.05, 2.0)]
    [InlineData("ks", double.NaN, 0.05, 0.0)]
    public void DriftStrength_PutsTheThresholdAtOne(string test, double score, double threshold, double expected)
    {
        var column = new ColumnDriftResult
        {
            Column = "c", ColumnType = ColumnType.Numerical, StatTestName = test, StatTestThreshold = threshold,
            DriftScore = score, DriftDetected = false, ReferenceSize = 1, CurrentSize = 1,
        };
        Assert.Equal(expected, SvgCharts.DriftStrength(column), 12);
    }
}
