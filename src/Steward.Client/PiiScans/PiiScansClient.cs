using System.Net.Http.Headers;
using Steward.Client.Http;

namespace Steward.Client;

/// <summary>PII scans of datasets: <c>/api/v1/datasets/{id}/pii-scans</c>.</summary>
public sealed class PiiScansClient
{
    private readonly StewardHttp _http;

    internal PiiScansClient(StewardHttp http) => _http = http;

    private static string Path(string datasetId) => $"api/v1/datasets/{Query.Segment(datasetId)}/pii-scans";

    /// <summary>Submits the JSON report of a local scan (<c>steward pii scan</c>); the server checks its digest and verdict and records it.</summary>
    /// <param name="datasetId">The dataset scanned.</param>
    /// <param name="reportJson">The report as the scanner wrote it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recorded scan.</returns>
    public Task<PiiScan> SubmitReportAsync(string datasetId, ReadOnlyMemory<byte> reportJson, CancellationToken cancellationToken = default)
    {
        var content = new ReadOnlyMemoryContent(reportJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _http.SendContentAsync<PiiScan>(HttpMethod.Post, Path(datasetId), content, cancellationToken);
    }

    /// <summary>Uploads a file to be scanned on the server; answers at once with the queued scan (poll <see cref="GetAsync"/>).</summary>
    /// <param name="datasetId">The dataset the file is.</param>
    /// <param name="file">The file's content (streamed).</param>
    /// <param name="format">csv, jsonl or parquet.</param>
    /// <param name="fileName">The file's name, for the report.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued scan.</returns>
    public Task<PiiScan> UploadAsync(string datasetId, Stream file, string format, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return _http.SendContentAsync<PiiScan>(HttpMethod.Post, new Query(Path(datasetId)).Add("format", format).Add("filename", fileName).ToString(), content, cancellationToken);
    }

    /// <summary>Lists one page of a dataset's scans (without reports).</summary>
    /// <param name="datasetId">The dataset.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<PiiScan>> ListAsync(string datasetId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<PiiScan>(new Query(Path(datasetId)).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Gets one scan with its status, progress and report.</summary>
    /// <param name="datasetId">The dataset.</param>
    /// <param name="scanId">The scan.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The scan.</returns>
    public Task<PiiScan> GetAsync(string datasetId, string scanId, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<PiiScan>($"{Path(datasetId)}/{Query.Segment(scanId)}", cancellationToken);
}
