using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Steward.Client.Http;

/// <summary>Sends requests to the Steward API and turns error answers into <see cref="StewardApiException"/>.</summary>
internal sealed class StewardHttp(HttpClient httpClient, Uri baseAddress, string apiKey)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, content: null, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets a list answer: a page <c>{"items","next_cursor"}</c>, or a bare array taken as the only page.</summary>
    public async Task<Page<T>> GetPageAsync<T>(string path, CancellationToken cancellationToken)
    {
        var element = await GetJsonAsync<JsonElement>(path, cancellationToken).ConfigureAwait(false);
        try
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return new Page<T>(element.Deserialize<List<T>>(StewardJson.Options) ?? [], null);
            }

            var page = element.Deserialize<Page<T>>(StewardJson.Options);
            return new Page<T>(page?.Items ?? [], page?.NextCursor);
        }
        catch (JsonException ex)
        {
            throw new StewardApiException(
                HttpStatusCode.OK, problem: null, $"The server sent a list that is not the expected JSON: {ex.Message}");
        }
    }

    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, content: null, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, content: null, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TResponse> SendJsonAsync<TRequest, TResponse>(
        HttpMethod method, string path, TRequest body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, StewardJson.Options));
        content.Headers.ContentType = JsonMediaType;
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<TResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends any content (Rego text, raw JSON) and reads a JSON answer.</summary>
    public async Task<T> SendContentAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends any content and ignores the body of a successful answer.</summary>
    public async Task SendContentAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, path, content: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path)) { Content = content };
        if (apiKey.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            T? value;
            try
            {
                value = await JsonSerializer.DeserializeAsync<T>(stream, StewardJson.Options, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new StewardApiException(
                    response.StatusCode, problem: null, $"The server sent an answer that is not the expected JSON: {ex.Message}");
            }

            return value ?? throw new StewardApiException(
                response.StatusCode, problem: null, "The server sent an empty answer.");
        }
    }

    private static async Task<StewardApiException> ToExceptionAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        StewardProblem? problem = null;
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                problem = JsonSerializer.Deserialize<StewardProblem>(body, StewardJson.Options);
            }
            catch (JsonException)
            {
                // OPA-compatible endpoints (/v1/...) carry OPA's "errors" list instead of field errors: keep the rest.
                problem = WithoutFieldErrors(body);
            }
        }

        if (problem is null && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            problem = new StewardProblem(null, "Unauthorized", 401, "the API key was missing, unknown, expired or revoked", null);
        }

        return new StewardApiException(response.StatusCode, problem);
    }

    private static StewardProblem? WithoutFieldErrors(string body)
    {
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(body) is not System.Text.Json.Nodes.JsonObject node)
            {
                return null;
            }

            node.Remove("errors");
            return node.Deserialize<StewardProblem>(StewardJson.Options);
        }
        catch (JsonException)
        {
            // Not a problem document: the status alone describes the failure.
            return null;
        }
    }
}
