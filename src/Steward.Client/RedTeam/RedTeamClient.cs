using Steward.Client.Http;

namespace Steward.Client;

/// <summary>Red-team exercises and findings: <c>/api/v1/redteam</c>.</summary>
public sealed class RedTeamClient
{
    private const string Exercises = "api/v1/redteam/exercises";
    private const string Findings = "api/v1/redteam/findings";
    private readonly StewardHttp _http;

    internal RedTeamClient(StewardHttp http) => _http = http;

    /// <summary>Creates an exercise (roles admin, approver, contributor).</summary>
    /// <param name="request">The exercise.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created exercise.</returns>
    public Task<Exercise> CreateExerciseAsync(CreateExerciseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<CreateExerciseRequest, Exercise>(HttpMethod.Post, Exercises, request, cancellationToken);
    }

    /// <summary>Moves an exercise to planned, running or completed.</summary>
    /// <param name="id">The exercise's id.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The changed exercise.</returns>
    public Task<Exercise> ChangeExerciseStatusAsync(string id, string status, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<object, Exercise>(HttpMethod.Post, $"{Exercises}/{Query.Segment(id)}/status", new { status }, cancellationToken);

    /// <summary>Lists one page of exercises.</summary>
    /// <param name="systemId">Only exercises of this system; <see langword="null"/> for all.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Exercise>> ListExercisesAsync(string? systemId = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<Exercise>(new Query(Exercises).Add("system_id", systemId).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Gets one exercise.</summary>
    /// <param name="id">The exercise's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The exercise.</returns>
    public Task<Exercise> GetExerciseAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Exercise>($"{Exercises}/{Query.Segment(id)}", cancellationToken);

    /// <summary>Records a finding (roles admin, approver, contributor, service); it starts open.</summary>
    /// <param name="request">The finding.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recorded finding.</returns>
    public Task<Finding> RecordFindingAsync(RecordFindingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<RecordFindingRequest, Finding>(HttpMethod.Post, Findings, request, cancellationToken);
    }

    /// <summary>Changes a finding's status; risk_accepted needs the approver or admin role and a risk_acceptance decision.</summary>
    /// <param name="id">The finding's id.</param>
    /// <param name="change">The new status and why.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The changed finding.</returns>
    public Task<Finding> ChangeFindingStatusAsync(string id, FindingStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _http.SendJsonAsync<FindingStatusChange, Finding>(HttpMethod.Post, $"{Findings}/{Query.Segment(id)}/status", change, cancellationToken);
    }

    /// <summary>Lists one page of findings.</summary>
    /// <param name="filter">Narrows the list; <see langword="null"/> for all findings.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Finding>> ListFindingsAsync(FindingFilter? filter = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new Query(Findings)
            .Add("system_id", filter?.SystemId)
            .Add("exercise_id", filter?.ExerciseId)
            .Add("status", filter?.Status)
            .Add("severity", filter?.Severity)
            .Page(cursor, limit);
        return _http.GetPageAsync<Finding>(query.ToString(), cancellationToken);
    }

    /// <summary>Enumerates all matching findings, following cursors.</summary>
    /// <param name="filter">Narrows the list.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every matching finding.</returns>
    public IAsyncEnumerable<Finding> ListAllFindingsAsync(FindingFilter? filter = null, CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListFindingsAsync(filter, cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one finding.</summary>
    /// <param name="id">The finding's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The finding.</returns>
    public Task<Finding> GetFindingAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Finding>($"{Findings}/{Query.Segment(id)}", cancellationToken);

    /// <summary>The ATLAS and OWASP LLM ids the server accepts.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The catalogue.</returns>
    public Task<RedTeamCatalog> CatalogAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<RedTeamCatalog>("api/v1/redteam/catalog", cancellationToken);
}
