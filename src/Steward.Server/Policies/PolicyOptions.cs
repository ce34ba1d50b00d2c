using System.ComponentModel.DataAnnotations;

namespace Steward.Server.Policies;

/// <summary>Policy evaluation settings (section <c>Policy</c>).</summary>
public sealed class PolicyOptions
{
    /// <summary>Time limit of one evaluation in milliseconds (default 50); past it the answer is an error, never a result.</summary>
    [Range(1, 60_000)]
    public int EvalTimeoutMs { get; set; } = 50;

    /// <summary>
    /// How often (milliseconds) an evaluation checks the database for policy changes made by another server process
    /// (default 1000; 0 checks on every evaluation). Changes made through this process apply at once.
    /// </summary>
    [Range(0, 600_000)]
    public int VersionCheckIntervalMs { get; set; } = 1000;

    /// <summary>Largest <c>/v1/data</c> request body or <c>?input=</c> in bytes (default 1 MiB, also capped by <c>Server:MaxRequestBodyBytes</c>); larger is a 400.</summary>
    [Range(1024, 64 << 20)]
    public int MaxInputBytes { get; set; } = 1 << 20;

    /// <summary>Deepest JSON nesting accepted in an input or data document (default 64).</summary>
    [Range(2, 512)]
    public int MaxInputDepth { get; set; } = 64;

    /// <summary>Largest decompressed decision-log upload (<c>POST /logs</c>) in bytes (default 16 MiB).</summary>
    [Range(1024, 1 << 30)]
    public int MaxLogUploadBytes { get; set; } = 16 << 20;

    /// <summary>Whether built-in errors stop evaluation (OPA's <c>strict-builtin-errors</c>) instead of making the call undefined.</summary>
    public bool StrictBuiltinErrors { get; set; }
}
