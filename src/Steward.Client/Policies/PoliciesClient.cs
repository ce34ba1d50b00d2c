using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Client.Http;

namespace Steward.Client;

/// <summary>Rego policies through the OPA-compatible API (<c>/v1/policies</c>, <c>/v1/data</c>) and the decision log.</summary>
public sealed class PoliciesClient
{
    private readonly StewardHttp _http;

    internal PoliciesClient(StewardHttp http) => _http = http;

    /// <summary>Creates or replaces a module (admin); refused with a 400 listing every error when it does not compile with the others.</summary>
    /// <param name="id">The module id, e.g. <c>authz/main.rego</c>.</param>
    /// <param name="rego">The Rego text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the module is stored.</returns>
    public async Task PutAsync(string id, string rego, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rego);
        using var content = new StringContent(rego, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        await _http.SendContentAsync(HttpMethod.Put, "v1/policies/" + Escape(id), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the current version of a module.</summary>
    /// <param name="id">The module id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The module.</returns>
    public async Task<PolicyModule> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await _http.GetJsonAsync<Envelope<PolicyModule>>("v1/policies/" + Escape(id), cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Lists the current modules by id.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The modules.</returns>
    public async Task<IReadOnlyList<PolicyModule>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _http.GetJsonAsync<Envelope<List<PolicyModule>>>("v1/policies", cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Deletes a module (admin); its history stays.</summary>
    /// <param name="id">The module id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the module is deleted.</returns>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _http.DeleteAsync("v1/policies/" + Escape(id), cancellationToken);

    /// <summary>Writes a data document at a path below <c>data</c> (admin); the empty path is the root.</summary>
    /// <param name="path">Slash-separated path, e.g. <c>limits/credit</c>.</param>
    /// <param name="document">The JSON document.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the document is stored.</returns>
    public async Task PutDataAsync(string path, JsonNode? document, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(document?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");
        await _http.SendContentAsync(HttpMethod.Put, "v1/data/" + Escape(path, allowEmpty: true), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates the document at a path with an input; every evaluation is in the decision log.</summary>
    /// <param name="path">Slash-separated path, e.g. <c>ai_policy/allow</c>.</param>
    /// <param name="input">The input document, or null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result; <see cref="PolicyResult.Defined"/> is false when the document is undefined.</returns>
    public async Task<PolicyResult> EvaluateAsync(string path, JsonNode? input, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject();
        if (input is not null) body["input"] = input.DeepClone();
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await _http.SendContentAsync<PolicyResult>(HttpMethod.Post, "v1/data/" + Escape(path, allowEmpty: true), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists one page of the decision log, newest first.</summary>
    /// <param name="endpoint">Only this endpoint, or null.</param>
    /// <param name="allowed">Only allowed (true) or denied (false) decisions, or null for all.</param>
    /// <param name="cursor">The cursor of the page; null for the first.</param>
    /// <param name="limit">The page size (1–500).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<PolicyDecision>> ListDecisionsAsync(
        string? endpoint = null, bool? allowed = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new Query("api/v1/policy-decisions")
            .Add("endpoint", endpoint)
            .Add("allowed", allowed is null ? null : allowed.Value ? "true" : "false")
            .Page(cursor, limit);
        return _http.GetPageAsync<PolicyDecision>(query.ToString(), cancellationToken);
    }

    private static string Escape(string id, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!allowEmpty) ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return string.Join('/', id.Trim('/').Split('/').Select(Uri.EscapeDataString));
    }

    private sealed record Envelope<T>(T Result);
}
