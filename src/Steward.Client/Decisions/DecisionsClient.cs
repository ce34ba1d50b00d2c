using Steward.Client.Http;

namespace Steward.Client;

/// <summary>Governance decisions: <c>/api/v1/decisions</c>.</summary>
public sealed class DecisionsClient
{
    private const string Path = "api/v1/decisions";
    private readonly StewardHttp _http;

    internal DecisionsClient(StewardHttp http) => _http = http;

    /// <summary>Records a decision (roles admin, approver); it becomes a ledger entry.</summary>
    /// <param name="request">The decision, signed or not.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recorded decision.</returns>
    public Task<Decision> RecordAsync(DecisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<DecisionRequest, Decision>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Lists one page of decisions.</summary>
    /// <param name="filter">Narrows the list; <see langword="null"/> for all decisions.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Decision>> ListAsync(
        DecisionFilter? filter = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new Query(Path)
            .Add("subject_kind", filter?.SubjectKind)
            .Add("subject_id", filter?.SubjectId)
            .Add("type", filter?.Type)
            .Page(cursor, limit);
        return _http.GetPageAsync<Decision>(query.ToString(), cancellationToken);
    }

    /// <summary>Enumerates all matching decisions, following cursors.</summary>
    /// <param name="filter">Narrows the list; <see langword="null"/> for all decisions.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every matching decision.</returns>
    public IAsyncEnumerable<Decision> ListAllAsync(DecisionFilter? filter = null, CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(filter, cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one decision.</summary>
    /// <param name="id">The decision's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decision.</returns>
    public Task<Decision> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Decision>($"{Path}/{Query.Segment(id)}", cancellationToken);
}
