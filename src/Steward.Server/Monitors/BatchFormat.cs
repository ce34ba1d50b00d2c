namespace Steward.Server.Monitors;

/// <summary>The formats a batch or reference file comes in, chosen by the request's content type.</summary>
internal enum BatchFormat
{
    Csv,
    Jsonl,
    Profile,
}

/// <summary>Content types of <see cref="BatchFormat"/>.</summary>
internal static class BatchFormats
{
    public const string Accepted = "text/csv, application/x-ndjson (JSON Lines; also application/jsonl)";

    /// <summary>CSV for <c>text/csv</c>, JSON Lines for <c>application/x-ndjson</c>, <c>application/jsonl</c> or <c>application/jsonlines</c>, a profile for <c>application/json</c>.</summary>
    public static BatchFormat? FromContentType(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "text/csv" or "application/csv" => BatchFormat.Csv,
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "application/x-jsonlines" => BatchFormat.Jsonl,
            "application/json" => BatchFormat.Profile,
            _ => null,
        };
    }
}
