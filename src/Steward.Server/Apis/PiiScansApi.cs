using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.PiiScans;
using Steward.Governance.Storage;
using Steward.Pii.Scanning;
using Steward.Server.Auth;
using Steward.Server.PiiScans;

namespace Steward.Server.Apis;

/// <summary>
/// PII scans of registered datasets: <c>POST /api/v1/datasets/{id}/pii-scans</c> takes either a file (any content
/// type but JSON: streamed to disk, then scanned in the background; answered 202) or a report from a local
/// <c>steward pii scan</c> (<c>application/json</c>; checked and recorded at once; answered 201).
/// </summary>
internal static class PiiScansApi
{
    public static void MapPiiScansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets/{id}/pii-scans").WithTags("PII scans");
        group.MapPost("", Submit).RequireAuthorization(AuthExtensions.Ingest)
            .WithName("SubmitPiiScan").WithSummary("Upload a dataset file to scan, or submit a local scan's report")
            .Produces<PiiScan>(201).Produces<PiiScan>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(503);
        group.MapGet("", async (PiiScanStore scans, string id, string? cursor, int? limit, CancellationToken ct) => TypedResults.Ok(await scans.ListAsync(id, cursor, limit, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListPiiScans").WithSummary("List a dataset's PII scans").ProducesProblem(404);
        group.MapGet("/{scanId}", async (PiiScanStore scans, string id, string scanId, CancellationToken ct) => TypedResults.Ok(await scans.GetAsync(id, scanId, ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetPiiScan").WithSummary("Get a PII scan with its status, progress and report").ProducesProblem(404);
    }

    private static async Task<Results<Created<PiiScan>, Accepted<PiiScan>, ProblemHttpResult>> Submit(HttpContext context, string id, PiiScanStore scans,
        PiiScanWorker worker, PiiScanOptions options, StoreOptions store)
    {
        var request = context.Request;
        var actor = context.User.Actor();
        var ct = context.RequestAborted;
        if (request.ContentType is { } type && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var report = await ReadReportAsync(request, options.MaxReportBytes, ct);
            var recorded = await scans.SubmitReportAsync(actor, id, report, ct);
            return TypedResults.Created($"/api/v1/datasets/{id}/pii-scans/{recorded.Id}", recorded);
        }

        var scanOptions = UploadOptions(request.Query);
        var length = request.ContentLength;
        if (length > options.MaxUploadBytes) return TooLarge(options.MaxUploadBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxUploadBytes;
        var scan = await scans.QueueUploadAsync(actor, id, length ?? 0, ct);
        var temp = Path.Combine(PiiScanServiceExtensions.UploadFolder(store), scan.Id + "." + ScanFormats.Name(scanOptions.Format!.Value));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await request.Body.CopyToAsync(file, 1 << 16, ct);
            }
            var name = request.Query["filename"].FirstOrDefault() is { Length: > 0 and <= 200 } n ? Path.GetFileName(n) : Path.GetFileName(temp);
            if (!worker.TryQueue(new PiiScanJob(scan.Id, actor, temp, name, scanOptions)))
            {
                File.Delete(temp);
                await scans.FailAsync(scan.Id, "the scan queue was full", CancellationToken.None);
                return TypedResults.Problem("The scan queue is full; try again later.", statusCode: 503, title: "Service unavailable");
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            File.Delete(temp);
            await scans.FailAsync(scan.Id, "the upload did not complete", CancellationToken.None);
            if (e is BadHttpRequestException { StatusCode: 413 }) return TooLarge(options.MaxUploadBytes);
            throw;
        }
        return TypedResults.Accepted($"/api/v1/datasets/{id}/pii-scans/{scan.Id}", await scans.GetAsync(id, scan.Id, CancellationToken.None));
    }

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem($"The file is larger than the {max.ToString(CultureInfo.InvariantCulture)} bytes an upload may send (PiiScans:MaxUploadBytes).", statusCode: 413, title: "Payload too large");

    // Query: format (required: csv, jsonl or parquet), columns, fail_on (comma-separated), min_score, max_rows_per_column.
    private static ScanOptions UploadOptions(IQueryCollection query)
    {
        var check = new Check();
        var format = ScanFormats.Parse(query["format"].FirstOrDefault());
        if (format is null) check.Fail("format", "is required: csv, jsonl or parquet");
        double? minScore = null;
        if (query["min_score"].FirstOrDefault() is { } ms)
        {
            if (double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1) minScore = v;
            else check.Fail("min_score", "must be a number between 0 and 1");
        }
        long? maxRows = null;
        if (query["max_rows_per_column"].FirstOrDefault() is { } mr)
        {
            if (long.TryParse(mr, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) maxRows = v;
            else check.Fail("max_rows_per_column", "must be a whole number of 0 or more");
        }
        check.ThrowIfFailed();
        return new ScanOptions
        {
            Format = format,
            Columns = List(query["columns"].FirstOrDefault()),
            Rule = new ScanRule
            {
                FailOn = List(query["fail_on"].FirstOrDefault()) ?? ScanRule.DefaultFailOn,
                MinScore = minScore ?? ScanRule.Default.MinScore,
                MaxRowsPerColumn = maxRows ?? 0,
            },
        };
    }

    private static List<string>? List(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? [.. items] : null;

    private static async Task<byte[]> ReadReportAsync(HttpRequest request, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max) throw new ValidationFailedException("body", $"the report is larger than {max} bytes");
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) throw new ValidationFailedException("body", "is required (a scan report)");
        return buffer.ToArray();
    }
}
