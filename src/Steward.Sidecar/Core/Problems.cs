using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Steward.Policy.Decisions;

namespace Steward.Sidecar.Core;

/// <summary>
/// The sidecar's RFC 7807 answers (<c>application/problem+json</c>): <c>type</c>, <c>title</c>, <c>status</c>,
/// <c>detail</c>, and for decisions <c>policy</c>, <c>decision_id</c>, <c>violations</c> (the deny messages) and <c>error</c>.
/// </summary>
internal static class Problems
{
    public const string OutputDenied = "urn:steward:sidecar:output-denied";
    public const string RequestDenied = "urn:steward:sidecar:request-denied";
    public const string DecisionFailed = "urn:steward:sidecar:decision-failed";
    public const string UpstreamUnavailable = "urn:steward:sidecar:upstream-unavailable";
    public const string UpstreamTimeout = "urn:steward:sidecar:upstream-timeout";
    public const string ResponseTooLarge = "urn:steward:sidecar:response-too-large";
    public const string RequestTooLarge = "urn:steward:sidecar:request-too-large";
    public const string UpgradeNotProxied = "urn:steward:sidecar:upgrade-not-proxied";

    /// <summary>
    /// A denial: 403 when the policy denied, 503 when no decision could be made (the output is withheld either way).
    /// </summary>
    public static Task WriteDenialAsync(HttpContext context, PolicyDecision decision, string phase)
    {
        var failed = decision.Error is not null;
        var (type, title, status) = failed
            ? (DecisionFailed, "No policy decision could be made; the " + phase + " was withheld", StatusCodes.Status503ServiceUnavailable)
            : phase == "request"
                ? (RequestDenied, "The request was denied by policy", StatusCodes.Status403Forbidden)
                : (OutputDenied, "The model's output was denied by policy", StatusCodes.Status403Forbidden);
        var detail = failed
            ? $"{decision.Path} failed closed: {decision.Error}"
            : $"{decision.Path} denied the {phase}: {string.Join("; ", decision.Deny)}";
        return WriteAsync(context, status, type, title, detail, w =>
        {
            w.WriteString("policy", decision.Path.Dotted);
            w.WriteString("decision_id", decision.DecisionId);
            w.WriteStartArray("violations");
            foreach (var message in decision.Deny) w.WriteStringValue(message);
            w.WriteEndArray();
            if (decision.Error is not null)
            {
                w.WriteStartObject("error");
                w.WriteString("code", decision.Error.Code);
                w.WriteString("message", decision.Error.Message);
                w.WriteEndObject();
            }
        });
    }

    public static async Task WriteAsync(HttpContext context, int status, string type, string title, string detail, Action<Utf8JsonWriter>? extra = null)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("title", title);
            w.WriteNumber("status", status);
            w.WriteString("detail", detail);
            extra?.Invoke(w);
            w.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
