using Microsoft.AspNetCore.Http;
using Steward.Policy.Values;

namespace Steward.Sidecar.Core;

/// <summary>
/// Builds the input document: <c>{phase, endpoint, model, request: {method, path, headers, body}, prediction,
/// content_type, status, latency_ms}</c> (the last four only when deciding a response).
/// </summary>
internal static class DecisionInput
{
    private static readonly StringValue Request = new("request");
    private static readonly StringValue Response = new("response");

    /// <summary>The <c>request</c> member: method, path, headers without credentials, body (parsed when JSON).</summary>
    public static ObjectValue RequestDocument(HttpRequest request, ReadOnlySpan<byte> body) => ObjectValue.From(
    [
        KeyValuePair.Create("method", (Value)new StringValue(request.Method)),
        KeyValuePair.Create("path", (Value)new StringValue(request.PathBase.Add(request.Path).Value ?? "/")),
        KeyValuePair.Create("headers", (Value)HeaderFilter.Visible(request.Headers)),
        KeyValuePair.Create("body", Bodies.RequestBody(body, request.ContentType)),
    ]);

    /// <summary>The model: the configured name, else the request body's <c>model</c> string, else null.</summary>
    public static Value Model(string? configured, ObjectValue request) =>
        configured is not null ? new StringValue(configured)
        : request.Get("body") is ObjectValue body && body.Get("model") is StringValue model ? model
        : NullValue.Instance;

    public static ObjectValue ForRequest(ObjectValue request, string endpoint, Value model) => ObjectValue.From(
    [
        KeyValuePair.Create("phase", (Value)Request),
        KeyValuePair.Create("endpoint", (Value)new StringValue(endpoint)),
        KeyValuePair.Create("model", model),
        KeyValuePair.Create("request", (Value)request),
    ]);

    public static ObjectValue ForResponse(ObjectValue request, string endpoint, Value model, ResponseSnapshot response, Value? prediction) => ObjectValue.From(
    [
        KeyValuePair.Create("phase", (Value)Response),
        KeyValuePair.Create("endpoint", (Value)new StringValue(endpoint)),
        KeyValuePair.Create("model", model),
        KeyValuePair.Create("request", (Value)request),
        KeyValuePair.Create("prediction", prediction ?? NullValue.Instance),
        KeyValuePair.Create("content_type", response.ContentType is null ? NullValue.Instance : (Value)new StringValue(response.ContentType)),
        KeyValuePair.Create("status", (Value)NumberValue.Of(response.Status)),
        KeyValuePair.Create("latency_ms", (Value)NumberValue.Of(Math.Round(response.Latency.TotalMilliseconds, 3))),
    ]);
}
