namespace Steward.Server.Monitors;

/// <summary>Drift monitors on the server (section <c>Monitors</c>).</summary>
internal sealed class MonitorOptions
{
    /// <summary>Largest batch body (default 64 MiB).</summary>
    public int MaxBatchBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest reference upload, profile or data file (default 256 MiB).</summary>
    public int MaxReferenceBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>How often the scheduler looks for due monitors (default 30 s; 0 turns scheduled runs off).</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Values per column a window keeps exactly before it switches that column to a KLL sketch (default 5,000): the
    /// window's stored profile, read and rewritten for every batch, stays bounded whatever the traffic.
    /// </summary>
    public int WindowExactLimit { get; set; } = 5_000;

    /// <summary>Fails start-up on nonsense settings.</summary>
    public void Validate()
    {
        if (MaxBatchBytes < 1024) throw new InvalidOperationException("Monitors:MaxBatchBytes must be at least 1024");
        if (MaxReferenceBytes < 1024) throw new InvalidOperationException("Monitors:MaxReferenceBytes must be at least 1024");
        if (SchedulerInterval < TimeSpan.Zero) throw new InvalidOperationException("Monitors:SchedulerInterval must not be negative");
        if (WindowExactLimit < 0) throw new InvalidOperationException("Monitors:WindowExactLimit must not be negative");
    }
}
