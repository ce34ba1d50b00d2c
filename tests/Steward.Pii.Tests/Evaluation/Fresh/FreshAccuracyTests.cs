using Steward.Pii.Evaluation;

namespace Steward.Pii.Tests.Evaluation.Fresh;

/// <summary>
/// Accuracy floors on the test part of the fresh check set (<see cref="FreshPiiData"/>), scored with every default
/// recognizer as <c>steward pii evaluate</c> does. With <c>STEWARD_PII_FRESH_REPORT=FILE</c> set, one more test writes
/// the scores of the dev part (with its errors), the test part, the lead's check set and generated_small (when
/// <c>STEWARD_PII_DEV_DATA</c> names it) to FILE, for error analysis and before/after comparisons.
/// </summary>
public sealed class FreshAccuracyTests
{
    private static readonly Lazy<EvaluationReport> TestReport = new(() => PiiEvaluator.Evaluate(AnalyzerEngine.CreateDefault(), FreshPiiData.Test()));

    [Theory]
    [InlineData("PERSON", 0.86)]
    [InlineData("LOCATION", 0.90)]
    [InlineData("ORGANIZATION", 0.85)]
    [InlineData("NRP", 0.95)]
    [InlineData("PHONE_NUMBER", 0.80)]
    [InlineData("DATE_TIME", 0.95)]
    [InlineData("EMAIL_ADDRESS", 0.98)]
    public void TestPartPerEntityF2(string entity, double floor) =>
        Assert.True(TestReport.Value.PerEntity[entity].F(2) >= floor, $"{entity} F2 {TestReport.Value.PerEntity[entity].F(2):0.000} < {floor}");

    [Fact]
    public void TestPartOverallF2() =>
        Assert.True(TestReport.Value.Overall.F(2) >= 0.89, $"overall F2 {TestReport.Value.Overall.F(2):0.000}");

    [Fact]
    public void GenerationIsDeterministic()
    {
        var a = FreshPiiData.Dev(50);
        var b = FreshPiiData.Dev(50);
        Assert.Equal(a.Select(s => s.Text), b.Select(s => s.Text));
        Assert.All(a.SelectMany(s => s.Spans.Select(p => (s.Text, p))), x => Assert.True(x.p.End <= x.Text.Length && x.p.Start < x.p.End));
    }

    [Fact]
    public void WritesTheAnalysisReportWhenAsked()
    {
        var path = Environment.GetEnvironmentVariable("STEWARD_PII_FRESH_REPORT");
        if (string.IsNullOrEmpty(path)) return;
        var engine = AnalyzerEngine.CreateDefault();
        var withErrors = new EvaluationOptions { ErrorExamples = 400 };
        var text = FreshReport.Format("fresh dev", PiiEvaluator.Evaluate(engine, FreshPiiData.Dev(), withErrors), errors: true)
            + FreshReport.Format("fresh test", TestReport.Value, errors: false)
            + FreshReport.Format("holdout", PiiEvaluator.Evaluate(engine, LabeledDataset.Load(Path.Combine(Root(), "eng", "pii-holdout", "holdout.json"))), errors: false);
        var small = Environment.GetEnvironmentVariable("STEWARD_PII_DEV_DATA");
        if (!string.IsNullOrEmpty(small)) text += FreshReport.Format("generated_small", PiiEvaluator.Evaluate(engine, LabeledDataset.Load(small)), errors: false);
        File.WriteAllText(path, text);
    }

    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Steward.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        return root;
    }
}
