using Steward.Pii.Evaluation;
using Steward.Pii.Tests.Evaluation.Fresh;

namespace Steward.Pii.Tests.Evaluation.Wide;

/// <summary>
/// Accuracy floors on the test part of the wide check set (<see cref="WidePiiData"/>), scored with every default
/// recognizer as <c>steward pii evaluate</c> does. With <c>STEWARD_PII_WIDE_REPORT=FILE</c> set, one more test writes
/// the scores of the dev part (with its errors) and the test part to FILE.
/// </summary>
public sealed class WideAccuracyTests
{
    private static readonly Lazy<EvaluationReport> TestReport = new(() => PiiEvaluator.Evaluate(AnalyzerEngine.CreateDefault(), WidePiiData.Test()));

    [Theory]
    [InlineData("PERSON", 0.77)]
    [InlineData("LOCATION", 0.86)]
    [InlineData("ORGANIZATION", 0.78)]
    [InlineData("NRP", 0.95)]
    public void TestPartPerEntityF2(string entity, double floor) =>
        Assert.True(TestReport.Value.PerEntity[entity].F(2) >= floor, $"{entity} F2 {TestReport.Value.PerEntity[entity].F(2):0.000} < {floor}");

    [Fact]
    public void TestPartOverallF2() =>
        Assert.True(TestReport.Value.Overall.F(2) >= 0.83, $"overall F2 {TestReport.Value.Overall.F(2):0.000}");

    [Fact]
    public void GenerationIsDeterministicAndSpansAreInside()
    {
        var a = WidePiiData.Dev(80);
        var b = WidePiiData.Dev(80);
        Assert.Equal(a.Select(s => s.Text), b.Select(s => s.Text));
        Assert.All(a.SelectMany(s => s.Spans.Select(p => (s.Text, p))), x => Assert.True(x.p.End <= x.Text.Length && x.p.Start < x.p.End));
    }

    [Fact]
    public void WritesTheAnalysisReportWhenAsked()
    {
        var path = Environment.GetEnvironmentVariable("STEWARD_PII_WIDE_REPORT");
        if (string.IsNullOrEmpty(path)) return;
        var engine = AnalyzerEngine.CreateDefault();
        var text = FreshReport.Format("wide dev", PiiEvaluator.Evaluate(engine, WidePiiData.Dev(), new EvaluationOptions { ErrorExamples = 600 }), errors: true);
        if (Environment.GetEnvironmentVariable("STEWARD_PII_WIDE_TEST") == "1") text += FreshReport.Format("wide test", TestReport.Value, errors: false);
        File.WriteAllText(path, text);
    }
}
