using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Probes.Http;

/// <summary>
/// One probe run's connection to the endpoint: every request waits for the rate limiter, runs under the per-request
/// timeout and the run's time budget, and failures (HTTP errors, timeouts, unreadable answers) are counted rather
/// than thrown. Once the budget is spent <see cref="StoppedEarly"/> is set and no further request is sent.
/// </summary>
internal sealed class ProbeSession : IDisposable
{
    private const int MaxErrorSamples = 10;
    private readonly ProbeOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly RequestTemplate? _template;
    private readonly JsonPath _output;
    private readonly TokenBucket _bucket;
    private readonly CancellationTokenSource _budget;
    private readonly long _started;
    private readonly List<string> _errorSamples = [];

    public ProbeSession(ProbeOptions options, HttpClient http, TimeProvider time, RequestTemplate? template, JsonPath output)
    {
        _options = options;
        _http = http;
        _time = time;
        _template = template;
        _output = output;
        _bucket = new TokenBucket(options.RatePerSecond, time);
        _budget = new CancellationTokenSource(options.Budget, time);
        _started = time.GetTimestamp();
    }

    /// <summary>Told after each finished request; null for none.</summary>
    public IProgress<ProbeProgress>? Progress { get; init; }

    /// <summary>Requests the run plans to send (for <see cref="Progress"/>).</summary>
    public int Planned { get; set; }

    /// <summary>Requests sent.</summary>
    public int Requests { get; private set; }

    /// <summary>Requests that failed (HTTP error, timeout, no value at the output path).</summary>
    public int Errors { get; private set; }

    /// <summary>The first few error messages.</summary>
    public IReadOnlyList<string> ErrorSamples => _errorSamples;

    /// <summary>Whether the time budget ran out before the run finished.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Time since the session started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>
    /// Sends one input and returns the value at the output path, or null when the request failed (counted) or the
    /// budget is spent (<see cref="StoppedEarly"/>). Throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<JsonNode?> AskAsync(JsonNode input, CancellationToken cancellationToken)
    {
        if (StoppedEarly) return null;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _budget.Token);
        try
        {
            await _bucket.TakeAsync(run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            StoppedEarly = true;
            return null;
        }

        var body = _template?.Render(input) ?? input;
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in _options.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        timeout.CancelAfter(_options.RequestTimeout);
        Requests++;
        var sent = Stopwatch.GetTimestamp();
        try
        {
            return await SendAsync(request, timeout.Token, sent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Progress?.Report(new ProbeProgress(Requests, Planned));
        }
    }

    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, CancellationToken timeoutToken, long sent, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, timeoutToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeoutToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return Fail($"HTTP {(int)response.StatusCode}");
            var answer = _output.Select(JsonNode.Parse(text));
            return answer ?? Fail($"no value at {_output}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (_budget.IsCancellationRequested)
        {
            Requests--; // cut off by the budget, not the endpoint's fault
            StoppedEarly = true;
            return null;
        }
        catch (OperationCanceledException)
        {
            return Fail($"timeout after {Stopwatch.GetElapsedTime(sent).TotalSeconds:0.0}s");
        }
        catch (HttpRequestException ex)
        {
            return Fail($"connection failed: {ex.Message}");
        }
        catch (JsonException)
        {
            return Fail("the answer is not JSON");
        }
    }

    private JsonNode? Fail(string message)
    {
        Errors++;
        if (_errorSamples.Count < MaxErrorSamples) _errorSamples.Add(message);
        return null;
    }

    public void Dispose() => _budget.Dispose();
}
