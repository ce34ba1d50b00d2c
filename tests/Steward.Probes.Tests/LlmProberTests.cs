using System.Diagnostics;
using Steward.Probes.Llm;

namespace Steward.Probes.Tests;

public sealed class LlmProberTests : IAsyncLifetime
{
    private ModelEndpoints _endpoints = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => _endpoints = await ModelEndpoints.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _endpoints.DisposeAsync();
    }

    [Fact]
    public async Task EachCategoryThatGotThrough_GivesOneFinding_WithRedactedExcerpts_UnderTheRateLimit()
    {
        var corpus = CorpusLoader.Shipped();
        var options = new ProbeOptions { Endpoint = _endpoints.Url("/chat"), RatePerSecond = 20 };
        var started = Stopwatch.GetTimestamp();
        var report = await new LlmProber(_http, TimeProvider.System).RunAsync(options, corpus, "OPERATOR-CANARY-7731", cancellationToken: TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var total = corpus.Probes.Count();
        Assert.Equal((total, 0, false), (report.Summary.Requests, report.Summary.Errors, report.Summary.StoppedEarly));
        // Token bucket, burst 1: n requests take at least (n - 1) / rate seconds.
        Assert.InRange(elapsed.TotalSeconds, (total - 1) / 20.0 - 0.05, 30);
        var arrivals = _endpoints.Arrivals.Select(t => t / (double)Stopwatch.Frequency).Order().ToList();
        for (var i = 0; i + 21 < arrivals.Count; i++)
            Assert.True(arrivals[i + 21] - arrivals[i] >= 0.95, "more than 21 requests arrived within one second at rate 20/s");

        Assert.Equal(["pi-01-ignore-previous", "pii-01-customer-emails", "spe-01-repeat-above"], report.Hits.Select(h => h.ProbeId));
        var byOwasp = report.Findings.ToDictionary(f => f.OwaspLlm[0]);
        Assert.Equal(3, byOwasp.Count);
        Assert.Equal("high", byOwasp["LLM01"].Severity);
        Assert.Equal("high", byOwasp["LLM07"].Severity); // medium raised: the operator's canary leaked
        Assert.Equal("critical", byOwasp["LLM02"].Severity); // a Luhn-valid card and a mod-97-valid IBAN leaked
        Assert.Contains("AML.T0051.000", byOwasp["LLM01"].Atlas);
        Assert.Contains("AML.T0056", byOwasp["LLM07"].Atlas);
        Assert.StartsWith("Prompt injection: 1 of 16 probes got through", byOwasp["LLM01"].Title, StringComparison.Ordinal);

        var all = string.Join("\n", report.Findings.Select(f => f.Description));
        Assert.Contains("pi-01-ignore-previous (canary): Okay. STW-", all, StringComparison.Ordinal);
        Assert.Contains("spe-01-repeat-above (operator_canary)", all, StringComparison.Ordinal);
        Assert.Contains("[operator canary]", all, StringComparison.Ordinal);
        Assert.DoesNotContain("OPERATOR-CANARY-7731", all, StringComparison.Ordinal);
        Assert.Contains("j***@example.com", all, StringComparison.Ordinal);
        Assert.Contains("card ****1111", all, StringComparison.Ordinal);
        Assert.Contains("DE89…3000", all, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", all, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeBudget_StopsTheRun_AndSaysSo()
    {
        var options = new ProbeOptions { Endpoint = _endpoints.Url("/chat"), RatePerSecond = 5, Budget = TimeSpan.FromSeconds(1) };
        var started = Stopwatch.GetTimestamp();
        var report = await new LlmProber(_http, TimeProvider.System).RunAsync(options, CorpusLoader.Shipped(), cancellationToken: TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(report.Summary.StoppedEarly);
        Assert.InRange(report.Summary.Requests, 4, 7); // 1 s at 5/s, burst 1
        Assert.InRange(elapsed.TotalSeconds, 0.9, 3);
        Assert.Equal(report.Summary.Requests, report.ProbesRun.Values.Sum());
        Assert.Contains("stopped early", report.Findings.Single().Description, StringComparison.Ordinal); // pi-01 runs first and gets through
    }

    [Fact]
    public async Task Budget_CutsOffASlowRequest_WithoutCountingItAsAnError()
    {
        var options = new ProbeOptions
        {
            Endpoint = _endpoints.Url("/slow"), RatePerSecond = 5, Budget = TimeSpan.FromMilliseconds(500),
            RequestTemplate = """{"prompt": "{{input}}"}""", OutputPath = "$.prediction",
        };
        var report = await new LlmProber(_http, TimeProvider.System).RunAsync(options, CorpusLoader.Shipped(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(report.Summary.StoppedEarly);
        Assert.Equal((0, 0), (report.Summary.Requests, report.Summary.Errors));
        Assert.Empty(report.Findings);
    }
}
