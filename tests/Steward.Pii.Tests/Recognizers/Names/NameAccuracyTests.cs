using Steward.Pii.Evaluation;
using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

/// <summary>An accuracy floor on our own synthetic data (never the shared development file).</summary>
public sealed class NameAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void SyntheticDataStaysAboveTheFloor()
    {
        var engine = new AnalyzerEngine(new RecognizerRegistry([new GazetteerNameRecognizer()]));
        var samples = SyntheticNameData.Generate(800, seed: 20261202);
        var report = PiiEvaluator.Evaluate(engine, samples);
        foreach (var (type, score) in report.PerEntity) output.WriteLine($"{type}: P={score.Precision:0.000} R={score.Recall:0.000} F2={score.F(2):0.000}");
        output.WriteLine($"overall F2={report.Overall.F(2):0.000}");
        Assert.True(report.PerEntity["PERSON"].F(2) >= 0.90, "PERSON");
        Assert.True(report.PerEntity["LOCATION"].F(2) >= 0.85, "LOCATION");
        Assert.True(report.PerEntity["ORGANIZATION"].F(2) >= 0.82, "ORGANIZATION");
        Assert.True(report.PerEntity["NRP"].F(2) >= 0.90, "NRP");
        Assert.True(report.Overall.F(2) >= 0.90, "overall");
    }
}
