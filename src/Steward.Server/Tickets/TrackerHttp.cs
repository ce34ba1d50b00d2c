using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tickets;

/// <summary>
/// JSON calls to an outside tracker with its auth header, turning every failure into a <see cref="ConnectorException"/>
/// whose message holds the status and the tracker's error text (never the request's headers).
/// </summary>
internal sealed class TrackerHttp(HttpClient client, string name, Uri baseUri, AuthenticationHeaderValue auth, TimeProvider time)
{
    public string Name => name;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct,
        params HttpStatusCode[] alsoOk)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Authorization = auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // The message names the host and the socket error, never the request's headers.
            throw new ConnectorException($"could not reach {name} ({ex.HttpRequestError}): {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ConnectorException($"{name} did not answer in time");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            JsonNode? json = null;
            try { json = text.Length == 0 ? null : JsonNode.Parse(text); }
            catch (JsonException) { json = null; }
            if (response.IsSuccessStatusCode || alsoOk.Contains(response.StatusCode)) return (response.StatusCode, json);
            var retryAfter = RetryAfter(response);
            throw new ConnectorException($"{name} answered {(int)response.StatusCode} {response.ReasonPhrase}{Describe(json)}", retryAfter);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - time.GetUtcNow() > TimeSpan.Zero ? date - time.GetUtcNow() : TimeSpan.Zero;
        if (response.Headers.TryGetValues("Retry-After", out var values) &&
            int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }

    /// <summary>Jira's <c>errorMessages</c>/<c>errors</c> or ServiceNow's <c>error.message</c>/<c>error.detail</c>, shortened.</summary>
    private static string Describe(JsonNode? json)
    {
        if (json is not JsonObject o) return "";
        var parts = new List<string>();
        if (o["errorMessages"] is JsonArray messages) parts.AddRange(messages.Select(m => m?.ToString() ?? "").Where(m => m.Length > 0));
        if (o["errors"] is JsonObject errors) parts.AddRange(errors.Select(e => $"{e.Key}: {e.Value}"));
        if (o["error"] is JsonObject error)
        {
            if (error["message"]?.ToString() is { Length: > 0 } m) parts.Add(m);
            if (error["detail"]?.ToString() is { Length: > 0 } d) parts.Add(d);
        }
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "" : ": " + (text.Length > 400 ? text[..400] : text);
    }
}
