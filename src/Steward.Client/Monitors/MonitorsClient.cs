using System.Net.Http.Headers;
using Steward.Client.Http;

namespace Steward.Client;

/// <summary>Drift monitors: <c>/api/v1/monitors</c>.</summary>
public sealed class MonitorsClient
{
    private const string Path = "api/v1/monitors";
    private readonly StewardHttp _http;

    internal MonitorsClient(StewardHttp http) => _http = http;

    private static string One(string id) => $"{Path}/{Query.Segment(id)}";

    /// <summary>Creates a monitor (roles admin, approver, contributor, service).</summary>
    /// <param name="definition">The monitor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created monitor.</returns>
    public Task<DriftMonitor> CreateAsync(MonitorDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _http.SendJsonAsync<MonitorDefinition, DriftMonitor>(HttpMethod.Post, Path, definition, cancellationToken);
    }

    /// <summary>Replaces a monitor's definition.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="definition">The new definition.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The monitor.</returns>
    public Task<DriftMonitor> UpdateAsync(string id, MonitorDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _http.SendJsonAsync<MonitorDefinition, DriftMonitor>(HttpMethod.Put, One(id), definition, cancellationToken);
    }

    /// <summary>Deletes a monitor with its windows and runs (roles admin, approver, contributor).</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => _http.DeleteAsync(One(id), cancellationToken);

    /// <summary>Lists one page of monitors.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<DriftMonitor>> ListAsync(string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<DriftMonitor>(new Query(Path).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Gets one monitor.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The monitor.</returns>
    public Task<DriftMonitor> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<DriftMonitor>(One(id), cancellationToken);

    /// <summary>Sets the reference: a drift profile (<c>steward drift profile</c>) or a CSV / JSON Lines file the server profiles.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="content">The file (streamed).</param>
    /// <param name="format"><c>profile</c>, <c>csv</c> or <c>jsonl</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The monitor with its reference.</returns>
    public Task<DriftMonitor> SetReferenceAsync(string id, Stream content, string format, CancellationToken cancellationToken = default) =>
        _http.SendContentAsync<DriftMonitor>(HttpMethod.Put, $"{One(id)}/reference", Content(content, format), cancellationToken);

    /// <summary>Sends a batch of production rows (CSV or JSON Lines) to the monitor's open window.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="content">The batch (streamed).</param>
    /// <param name="format"><c>csv</c> or <c>jsonl</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt, sent once the batch is stored.</returns>
    public Task<BatchReceipt> IngestAsync(string id, Stream content, string format, CancellationToken cancellationToken = default) =>
        _http.SendContentAsync<BatchReceipt>(HttpMethod.Post, $"{One(id)}/batches", Content(content, format), cancellationToken);

    /// <summary>
    /// Sends labels that arrived after their predictions (CSV or JSON Lines with the monitor's id column and label column):
    /// each joins its waiting prediction and folds into that prediction's window; a closed window's run report gets a new revision.
    /// </summary>
    /// <param name="id">The monitor (one with an id column).</param>
    /// <param name="content">The labels (streamed).</param>
    /// <param name="format"><c>csv</c> or <c>jsonl</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt (matched, unknown, duplicate, expired and dropped counts), sent once everything is stored.</returns>
    public Task<LabelReceipt> PostLabelsAsync(string id, Stream content, string format, CancellationToken cancellationToken = default) =>
        _http.SendContentAsync<LabelReceipt>(HttpMethod.Post, $"{One(id)}/labels", Content(content, format), cancellationToken);

    /// <summary>The monitor's late-label counts.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The counts.</returns>
    public Task<LabelCounts> GetLabelCountsAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<LabelCounts>($"{One(id)}/labels", cancellationToken);

    /// <summary>Runs the monitor now: its open window against the reference.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run with its report.</returns>
    public Task<MonitorRun> RunAsync(string id, CancellationToken cancellationToken = default) =>
        _http.SendContentAsync<MonitorRun>(HttpMethod.Post, $"{One(id)}/runs", null, cancellationToken);

    /// <summary>Lists one page of a monitor's runs, newest first (without reports).</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="cursor">The cursor of the page.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<MonitorRun>> ListRunsAsync(string id, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<MonitorRun>(new Query($"{One(id)}/runs").Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Gets one run with its report.</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    public Task<MonitorRun> GetRunAsync(string id, string runId, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<MonitorRun>($"{One(id)}/runs/{Query.Segment(runId)}", cancellationToken);

    /// <summary>Gets one run's report as a self-contained HTML page (with the monitor's earlier runs as its trend).</summary>
    /// <param name="id">The monitor.</param>
    /// <param name="runId">The run (one with a verdict: a run with insufficient data has no report to render, a 409).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The UTF-8 HTML.</returns>
    public Task<byte[]> GetRunHtmlAsync(string id, string runId, CancellationToken cancellationToken = default) =>
        _http.GetBytesAsync($"{One(id)}/runs/{Query.Segment(runId)}?format=html", cancellationToken);

    private static StreamContent Content(Stream content, string format)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(format switch
        {
            "csv" => "text/csv",
            "jsonl" => "application/x-ndjson",
            "profile" => "application/json",
            _ => throw new ArgumentException($"format must be profile, csv or jsonl, not '{format}'", nameof(format)),
        });
        return body;
    }
}
