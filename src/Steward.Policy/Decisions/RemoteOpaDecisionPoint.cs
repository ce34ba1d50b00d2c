using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>
/// Decides with a remote OPA server over its REST API: <c>POST {url}/v1/data/{path}</c> with <c>{"input": ...}</c>,
/// answered by <c>{"result": ...}</c>. A time limit reached, an unreachable server, an HTTP error, a malformed answer
/// and an undefined result (no <c>result</c> member) all deny with the reason (fail closed).
/// </summary>
public sealed class RemoteOpaDecisionPoint : IPolicyDecisionPoint
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly RemoteOpaOptions _options;
    private readonly string _base;

    /// <summary>Creates the decision point.</summary>
    /// <param name="http">The client (its own timeout is not used; <see cref="RemoteOpaOptions.Timeout"/> is).</param>
    /// <param name="options">The server and limits.</param>
    public RemoteOpaDecisionPoint(HttpClient http, RemoteOpaOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var url = options.BaseAddress;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException("The OPA address must be an absolute http:// or https:// URL.", nameof(options));
        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "The time limit must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResponseBytes, 16, nameof(options));
        _http = http;
        _options = options;
        _base = url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/data/";
    }

    /// <inheritdoc/>
    public async ValueTask<PolicyDecision> DecideAsync(PolicyPath path, Value input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(input);
        var time = _options.Time;
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        Value? result = null;
        PolicyDecisionError? error;
        try
        {
            (result, error) = await SendAsync(path, input, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            error = new PolicyDecisionError(DecisionErrorCodes.Timeout, $"OPA did not answer {path} within {_options.Timeout.TotalMilliseconds:0.###} ms");
        }
        catch (OperationCanceledException)
        {
            error = new PolicyDecisionError(ErrorCodes.EvalCancel, $"the decision on {path} was cancelled");
        }
        catch (HttpRequestException ex)
        {
            error = new PolicyDecisionError(DecisionErrorCodes.Unreachable, $"OPA at {_options.BaseAddress.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}");
        }

        var duration = time.GetElapsedTime(started);
        if (error is not null)
            return new PolicyDecision(id, path, false, [error.ToString()], null, duration, error);
        var (allowed, deny, convention) = DecisionConvention.Interpret(path, result);
        return new PolicyDecision(id, path, allowed, deny, result, duration, convention);
    }

    private async Task<(Value? Result, PolicyDecisionError? Error)> SendAsync(PolicyPath path, Value input, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("input");
            ValueJson.Write(writer, input);
            writer.WriteEndObject();
        }

        var url = _base + string.Join('/', path.Segments.Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body.WrittenMemory) };
        request.Content.Headers.ContentType = Json;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
            return (null, new PolicyDecisionError(DecisionErrorCodes.MalformedResponse, $"OPA's answer is larger than {_options.MaxResponseBytes} bytes"));
        if (!response.IsSuccessStatusCode)
            return (null, new PolicyDecisionError(DecisionErrorCodes.HttpError, $"OPA answered {(int)response.StatusCode}{Describe(bytes)}"));
        return Parse(path, bytes);
    }

    private static (Value? Result, PolicyDecisionError? Error) Parse(PolicyPath path, byte[] bytes)
    {
        Value answer;
        try
        {
            answer = ValueJson.Parse(bytes);
        }
        catch (JsonException)
        {
            return (null, new PolicyDecisionError(DecisionErrorCodes.MalformedResponse, "OPA's answer is not JSON"));
        }

        if (answer is not ObjectValue document)
            return (null, new PolicyDecisionError(DecisionErrorCodes.MalformedResponse, $"OPA's answer is a {answer.TypeName}, not an object"));
        var result = document.Get("result");
        return result is null
            ? (null, new PolicyDecisionError(DecisionErrorCodes.Undefined, $"{path} is undefined (OPA's answer has no result)"))
            : (result, null);
    }

    /// <summary>OPA's error answers are <c>{"code": ..., "message": ...}</c>; quote the code and message when present.</summary>
    private static string Describe(byte[] bytes)
    {
        try
        {
            if (ValueJson.Parse(bytes) is ObjectValue o && o.Get("code") is StringValue code)
            {
                var message = o.Get("message") is StringValue m ? m.Value : "";
                return $" {code.Value}: {(message.Length > 200 ? message[..200] : message)}";
            }
        }
        catch (JsonException)
        {
        }

        return "";
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        if (content.Headers.ContentLength > limit) return null;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0) return buffer.WrittenSpan.ToArray();
                buffer.Advance(read);
                if (buffer.WrittenCount > limit) return null;
            }
        }
    }
}
