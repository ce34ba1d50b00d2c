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

    /// <summary>Asks whether a system may move to a stage now (nothing is recorded).</summary>
    /// <param name="id">The system's id.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gate's answer with every unmet requirement.</returns>
    public Task<GateAnswer> EvaluateGateAsync(string id, string stage, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<GateAnswer>($"{Path}/{Query.Segment(id)}/gates/{Query.Segment(stage)}", cancellationToken);

    /// <summary>
    /// Asks to move a system to a stage. A refusal by the gate (HTTP 409 with the unmet requirements) is an outcome
    /// with <see cref="StageChangeOutcome.Changed"/> false, not an exception; the server records it either way.
    /// </summary>
    /// <param name="id">The system's id.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="reason">Why (recorded; optional).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What happened.</returns>
    public async Task<StageChangeOutcome> ChangeStageAsync(string id, string stage, string? reason = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await _http.SendJsonAsync<StageChangeRequest, StageChangeAnswer>(
                HttpMethod.Post, $"{Path}/{Query.Segment(id)}/stage", new StageChangeRequest(stage, reason), cancellationToken).ConfigureAwait(false);
            return new StageChangeOutcome(true, answer.System, answer.Gate, answer.LedgerIndex);
        }
        catch (StewardApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict
            && e.Problem?.Extensions is { } extensions && extensions.TryGetValue("unmet", out var unmet))
        {
            var list = System.Text.Json.JsonSerializer.Deserialize<List<UnmetRequirement>>(unmet, StewardJson.Options) ?? [];
            string? Text(string key) => extensions.TryGetValue(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            return new StageChangeOutcome(false, null, new GateAnswer(false, list, id, Text("from"), Text("to"), null, null), null);
        }
    }

    /// <summary>The system's recorded stage changes and refusals, newest first.</summary>
    /// <param name="id">The system's id.</param>
    /// <param name="limit">How many (1–500; default 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events.</returns>
    public Task<IReadOnlyList<StageEvent>> StageHistoryAsync(string id, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<IReadOnlyList<StageEvent>>(
            $"{Path}/{Query.Segment(id)}/stages" + (limit is { } l ? $"?limit={l.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : ""),
            cancellationToken);

    /// <summary>
    /// A report of the system built from the ledger: <c>technical-documentation</c> (EU AI Act Annex IV) or <c>board</c>,
    /// as <c>html</c>, <c>pdf</c> or <c>json</c>. Every claim cites ledger entries; the JSON form carries their proofs.
    /// </summary>
    /// <param name="id">The system's id.</param>
    /// <param name="kind">technical-documentation or board.</param>
    /// <param name="format">html, pdf or json.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report's bytes.</returns>
    public Task<byte[]> ReportAsync(string id, string kind, string format = "html", CancellationToken cancellationToken = default) =>
        _http.GetBytesAsync($"{Path}/{Query.Segment(id)}/reports/{Query.Segment(kind)}?format={Uri.EscapeDataString(format)}", cancellationToken);
}
