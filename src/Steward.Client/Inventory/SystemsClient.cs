using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The AI systems of the inventory: <c>/api/v1/systems</c>.</summary>
public sealed class SystemsClient
{
    private const string Path = "api/v1/systems";
    private readonly StewardHttp _http;

    internal SystemsClient(StewardHttp http) => _http = http;

    /// <summary>Registers a system (roles admin, approver, contributor).</summary>
    /// <param name="request">The system to register.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered system.</returns>
    public Task<AiSystem> RegisterAsync(RegisterSystemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<RegisterSystemRequest, AiSystem>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Lists one page of systems.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<AiSystem>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<AiSystem>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all systems, following cursors.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every system.</returns>
    public IAsyncEnumerable<AiSystem> ListAllAsync(CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one system.</summary>
    /// <param name="id">The system's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The system.</returns>
    public Task<AiSystem> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<AiSystem>($"{Path}/{Query.Segment(id)}", cancellationToken);

    /// <summary>Changes a system; the server records a <c>system.updated</c> ledger entry.</summary>
    /// <param name="id">The system's id.</param>
    /// <param name="request">The members to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The changed system.</returns>
    public Task<AiSystem> UpdateAsync(string id, UpdateSystemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<UpdateSystemRequest, AiSystem>(
            HttpMethod.Patch, $"{Path}/{Query.Segment(id)}", request, cancellationToken);
    }
}
