namespace Steward.Governance.Monitors;

/// <summary>What a run reads: the monitor's definition, its reference profile and its open window's profile.</summary>
/// <param name="Monitor">The monitor.</param>
/// <param name="ReferenceProfile">The reference profile's JSON.</param>
/// <param name="WindowProfile">The window profile's JSON; <see langword="null"/> when no batch arrived.</param>
/// <param name="WindowQuality">The window's performance and fairness state; <see langword="null"/> when no labelled row arrived.</param>
public sealed record WindowSnapshot(DriftMonitor Monitor, byte[] ReferenceProfile, byte[]? WindowProfile, string? WindowQuality = null)
{
    /// <summary>The window read.</summary>
    public MonitorWindow Window => Monitor.CurrentWindow;
}
