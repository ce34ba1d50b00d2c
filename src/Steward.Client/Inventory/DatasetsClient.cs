using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The datasets of the inventory: <c>/api/v1/datasets</c>.</summary>
public sealed class DatasetsClient
{
    private const string Path = "api/v1/datasets";
    private readonly StewardHttp _http;

    internal DatasetsClient(StewardHttp http) => _http = http;

    /// <summary>Registers a dataset (roles admin, approver, contributor, service).</summary>
    /// <param name="request">The dataset to register.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered dataset.</returns>
    public Task<Dataset> RegisterAsync(RegisterDatasetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<RegisterDatasetRequest, Dataset>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Lists one page of datasets.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Dataset>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<Dataset>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all datasets, following cursors.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every dataset.</returns>
    public IAsyncEnumerable<Dataset> ListAllAsync(CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one dataset.</summary>
    /// <param name="id">The dataset's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The dataset.</returns>
    public Task<Dataset> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Dataset>($"{Path}/{Query.Segment(id)}", cancellationToken);
}
