using Steward.Client.Http;

namespace Steward.Client;

/// <summary>API keys (admin only): <c>/api/v1/api-keys</c>.</summary>
public sealed class ApiKeysClient
{
    private const string Path = "api/v1/api-keys";
    private readonly StewardHttp _http;

    internal ApiKeysClient(StewardHttp http) => _http = http;

    /// <summary>Creates an API key; the answer holds its secret, which is never shown again.</summary>
    /// <param name="request">The key to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key with its secret.</returns>
    public Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<CreateApiKeyRequest, CreatedApiKey>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Lists one page of API keys, without secrets.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<ApiKey>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<ApiKey>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all API keys, following cursors.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every key.</returns>
    public IAsyncEnumerable<ApiKey> ListAllAsync(CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(cursor, limit: null, ct), cancellationToken);

    /// <summary>Revokes an API key.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is revoked.</returns>
    public Task RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        _http.DeleteAsync($"{Path}/{Query.Segment(id)}", cancellationToken);
}
