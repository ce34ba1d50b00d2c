namespace Steward.Sidecar;

/// <summary>
/// Process-wide runtime settings that suit a sidecar sharing a small machine with the model it guards. They must be
/// applied before the thread pool starts its first worker, so a host calls <see cref="Apply"/> first thing in
/// <c>Main</c> (the <c>steward</c> tool does for <c>steward sidecar</c>).
/// </summary>
public static class SidecarRuntime
{
    /// <summary>The runtime setting behind <c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit</c>.</summary>
    internal const string SpinLimitSetting = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>
    /// Stops idle thread-pool workers from spinning (<c>sched_yield</c>) before they wait: under load on a 2-core
    /// machine that spinning was a third of the sidecar's CPU samples, time taken from the model and from the
    /// requests queued behind it. An explicit <c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit</c> (environment) or
    /// runtimeconfig value wins.
    /// </summary>
    /// <returns>True when the setting was applied, false when one was already given.</returns>
    public static bool Apply()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") is not null
            || Environment.GetEnvironmentVariable("COMPlus_ThreadPool_UnfairSemaphoreSpinLimit") is not null
            || AppContext.GetData(SpinLimitSetting) is not null)
            return false;
        AppContext.SetData(SpinLimitSetting, 0);
        return true;
    }
}
