using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The models of the inventory: <c>/api/v1/models</c>.</summary>
public sealed class ModelsClient
{
    private const string Path = "api/v1/models";
    private readonly StewardHttp _http;

    internal ModelsClient(StewardHttp http) => _http = http;

    /// <summary>Registers a model (roles admin, approver, contributor, service).</summary>
    /// <param name="request">The model to register.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered model.</returns>
    public Task<AiModel> RegisterAsync(RegisterModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<RegisterModelRequest, AiModel>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Lists one page of models.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<AiModel>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<AiModel>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all models, following cursors.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every model.</returns>
    public IAsyncEnumerable<AiModel> ListAllAsync(CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one model.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    public Task<AiModel> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<AiModel>($"{Path}/{Query.Segment(id)}", cancellationToken);
}
