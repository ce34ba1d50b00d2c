using Steward.Governance.Events;
using Steward.Pii.Scanning;

namespace Steward.Server.PiiScans;

/// <summary>An uploaded file waiting to be scanned: the temp file, its name as sent, who sent it and how to scan it.</summary>
internal sealed record PiiScanJob(string ScanId, Actor Actor, string TempPath, string FileName, ScanOptions Options);
