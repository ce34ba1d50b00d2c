using System.Text;
using Steward.Pii.Evaluation;
using Steward.Pii.Recognizers;

namespace Steward.Pii.Tests.Evaluation;

public sealed class PiiEvaluatorTests
{
    private const string Data = """
    [
      {"full_text": "ssn 123-45-6789 city Paris", "spans": [
          {"entity_type": "US_SSN", "start_position": 4, "end_position": 15},
          {"entity_type": "ADDRESS", "start_position": 21, "end_position": 26}]},
      {"full_text": "nothing 111-22-3333 here", "spans": []},
      {"full_text": "two 222-33-4444 and 5555", "spans": [
          {"entity_type": "US_SSN", "start_position": 4, "end_position": 15},
          {"entity_type": "TITLE", "start_position": 20, "end_position": 24}]},
      {"full_text": "missed 9-9", "masked": null, "template_id": 3, "metadata": null, "spans": [
          {"entity_type": "US_SSN", "start_position": 7, "end_position": 10}]}
    ]
    """;

    private static AnalyzerEngine Engine() => new(new RecognizerRegistry([
        new RegexRecognizer("ssn", "US_SSN", [new PatternDefinition("p", @"\d{3}-\d{2}-\d{4}", 0.5)]),
        new RegexRecognizer("city", "LOCATION", [new PatternDefinition("p", "Paris", 0.3)]),
    ]));

    private static IReadOnlyList<LabeledSample> Samples() => LabeledDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));

    [Fact]
    public void Evaluate_CountsHitsMissesAndSpuriousPerType()
    {
        var report = PiiEvaluator.Evaluate(Engine(), Samples(), new EvaluationOptions { ErrorExamples = 5, ScoreThreshold = 0 });
        var ssn = report.PerEntity["US_SSN"];
        Assert.Equal((2, 1, 1), (ssn.TruePositives, ssn.FalsePositives, ssn.FalseNegatives));
        Assert.Equal(2.0 / 3, ssn.Precision, 9);
        Assert.Equal(2.0 / 3, ssn.Recall, 9);
        Assert.Equal(2.0 / 3, ssn.F(2), 9);
        Assert.Equal(1, report.PerEntity["LOCATION"].TruePositives); // ADDRESS is scored as LOCATION
        Assert.Equal(1, report.NotScored["TITLE"]);
        Assert.Equal(3, report.Overall.TruePositives);
        Assert.Contains(report.Errors, e => e.Kind == "spurious" && e.Value == "111-22-3333");
        Assert.Contains(report.Errors, e => e.Kind == "missed" && e.Value == "9-9");
    }

    [Fact]
    public void Threshold_DropsLowScoringPredictions()
    {
        var report = PiiEvaluator.Evaluate(Engine(), Samples(), new EvaluationOptions { ScoreThreshold = 0.4 });
        Assert.Equal((0, 0, 1), (report.PerEntity["LOCATION"].TruePositives, report.PerEntity["LOCATION"].FalsePositives, report.PerEntity["LOCATION"].FalseNegatives));
    }

    [Fact]
    public void F2_WeighsRecallOverPrecision()
    {
        var score = new EntityScore { TruePositives = 8, FalsePositives = 8, FalseNegatives = 2 };
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.8, score.Recall);
        Assert.Equal(5 * 0.5 * 0.8 / (4 * 0.5 + 0.8), score.F(2), 9);
    }

    [Fact]
    public void UnknownEntityToScore_IsRefused() =>
        Assert.Throws<PiiRequestException>(() => PiiEvaluator.Evaluate(Engine(), Samples(), new EvaluationOptions { Entities = ["PERSON"] }));

    [Theory]
    [InlineData("{}", "JSON array")]
    [InlineData("[{\"spans\": []}]", "sample 0 has no string field full_text")]
    [InlineData("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 1, \"end_position\": 9}]}]", "outside its text")]
    [InlineData("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\"}]}]", "without entity_type")]
    [InlineData("[1,", "not valid JSON")]
    public void MalformedData_IsRefusedWithTheSampleAndReason(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => LabeledDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedDevelopmentData_Loads()
    {
        // The shared data folder sits beside the conformance folder (../shared/data next to ../shared/conformance).
        var path = Path.GetFullPath(Path.Combine(ConformanceData.Root, "..", "data", "pii", "generated_small.json"));
        if (!File.Exists(path)) Requirements.Unavailable($"PII development data not found at {path}: set STEWARD_CONFORMANCE_DIR");
        var samples = LabeledDataset.Load(path);
        Assert.Equal(100, samples.Count);
        Assert.Equal(173, samples.Sum(s => s.Spans.Count));
    }
}
