using System.Text.Json.Nodes;
using Steward.Probes.Classifier;

namespace Steward.Probes.Tests;

public sealed class ClassifierProbeTests : IAsyncLifetime
{
    private ModelEndpoints _endpoints = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _endpoints = await ModelEndpoints.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _endpoints.DisposeAsync();
    }

    private static List<JsonNode> Seeds() =>
    [
        JsonNode.Parse("""{"text": "good service overall", "amount": 980}""")!,
        JsonNode.Parse("""{"text": "slow delivery", "amount": 120}""")!,
    ];

    [Fact]
    public async Task Flips_AreListedWithTheFlipRate_AndOneRobustnessFindingIsProposed()
    {
        var options = new ProbeOptions { Endpoint = _endpoints.Url("/classify"), RatePerSecond = 100 };
        var report = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(options, Seeds(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((2, 2, 0), (report.Seeds, report.SeedsProbed, report.Summary.Errors));
        Assert.False(report.Summary.StoppedEarly);
        // Seed 0: 6 text perturbations and 4 jitters; seed 1: 6 and 4 (no homoglyph-free text there: 'slow' has o).
        Assert.Equal(20, report.Tried);
        Assert.Equal(report.Tried + 2, report.Summary.Requests);
        var kinds = report.Flips.Select(f => (f.Seed, f.Field, f.Kind)).ToList();
        Assert.Contains((0, "$.text", "case"), kinds);
        Assert.Contains((0, "$.amount", "jitter+5%"), kinds);
        Assert.DoesNotContain((0, "$.amount", "jitter+1%"), kinds);
        Assert.All(report.Flips.Where(f => f.Seed == 1), f => Assert.Equal("$.amount", f.Field)); // 'reject' text stays reject
        var jitter = report.Flips.Single(f => f.Kind == "jitter+5%" && f.Seed == 0);
        Assert.Equal(("980", "1029", "approve", "review"), (jitter.Original, jitter.Perturbed, jitter.LabelBefore, jitter.LabelAfter));

        var finding = report.Finding!;
        Assert.Equal(["AML.T0043"], finding.Atlas);
        Assert.Equal("probe:classifier", finding.Source);
        Assert.Equal(report.FlipRate >= 0.2 ? "high" : "medium", finding.Severity);
        Assert.Contains("seed 0, $.amount, jitter+5%: \"980\" -> \"1029\": approve -> review", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFlip_NoFinding_ButTheSummaryCounts()
    {
        var options = new ProbeOptions { Endpoint = _endpoints.Url("/constant"), RatePerSecond = 100 };
        var progress = new List<ProbeProgress>();
        var report = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(options, Seeds(), progress: new Recorder(progress), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 22).Select(i => new ProbeProgress(i, 22)), progress);
        Assert.Empty(report.Flips);
        Assert.Null(report.Finding);
        Assert.Equal(22, report.Summary.Requests);
    }

    [Fact]
    public async Task EndpointErrorsAndTimeouts_AreCounted_NotThrown()
    {
        var flaky = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(
            new ProbeOptions { Endpoint = _endpoints.Url("/flaky"), RatePerSecond = 100 }, Seeds(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.InRange(flaky.Summary.Errors, 5, 17);
        Assert.Contains("HTTP 500", flaky.Summary.ErrorSamples);

        var slow = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(
            new ProbeOptions { Endpoint = _endpoints.Url("/slow"), RatePerSecond = 100, RequestTimeout = TimeSpan.FromMilliseconds(200) },
            Seeds(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((2, 2, 0), (slow.Summary.Requests, slow.Summary.Errors, slow.SeedsProbed));
        Assert.StartsWith("timeout after", slow.Summary.ErrorSamples[0], StringComparison.Ordinal);

        var down = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(
            new ProbeOptions { Endpoint = new Uri("http://127.0.0.1:9/none"), RatePerSecond = 100 }, Seeds(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, down.Summary.Errors);
        Assert.StartsWith("connection failed", down.Summary.ErrorSamples[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTemplateAndOutputPath_AreApplied()
    {
        // The endpoint wants {"text","amount"}; the seeds are only the text, the template supplies the amount.
        var options = new ProbeOptions
        {
            Endpoint = _endpoints.Url("/classify"), RatePerSecond = 100,
            RequestTemplate = """{"text": "{{input}}", "amount": 10}""", OutputPath = "prediction",
        };
        var report = await new ClassifierProbe(_http, TimeProvider.System).RunAsync(options, [JsonValue.Create("good one")!], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, report.Summary.Errors);
        Assert.Contains(report.Flips, f => f.Kind == "case" && f.Field == "$" && f.Perturbed == "GOOD ONE");
    }

    private sealed class Recorder(List<ProbeProgress> seen) : IProgress<ProbeProgress>
    {
        public void Report(ProbeProgress value) => seen.Add(value);
    }
}
