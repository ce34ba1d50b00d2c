namespace Steward.Pii.Scanning;

/// <summary>How far a scan has read.</summary>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">The file's size.</param>
/// <param name="Rows">Rows read so far.</param>
public readonly record struct ScanProgress(long BytesRead, long TotalBytes, long Rows);
