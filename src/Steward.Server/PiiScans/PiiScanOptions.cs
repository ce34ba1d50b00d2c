namespace Steward.Server.PiiScans;

/// <summary>Server-side dataset scans (configuration section <c>PiiScans</c>).</summary>
public sealed class PiiScanOptions
{
    /// <summary>The largest file an upload may send, in bytes (default 20 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 20L << 30;

    /// <summary>The largest report a local scan may submit, in bytes (default 16 MiB).</summary>
    public int MaxReportBytes { get; set; } = 16 << 20;

    /// <summary>Uploads waiting to be scanned before new ones are refused with 503 (default 16).</summary>
    public int QueueLength { get; set; } = 16;
}
