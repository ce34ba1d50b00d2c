namespace Steward.Cli.Commands.Pii;

/// <summary>
/// Keeps <c>steward pii scan</c> within its memory budget. The CLI runs with server GC (for <c>steward serve</c>),
/// which on its own lets the heap grow to a few hundred MB during a long scan although the scan keeps only a few
/// batches alive; a CSV or JSONL scan caps the GC heap at <see cref="DefaultLimitBytes"/> for the rest of the process
/// (<c>GC.RefreshMemoryLimit</c>), unless the user set a limit (<c>DOTNET_GCHeapHardLimit</c>, runtimeconfig).
/// </summary>
internal static class ScanMemory
{
    /// <summary>The GC heap limit a scan sets: the engine's word lists take about 30 MB, the batches in flight a few MB per core (96 MB ran out of memory with every default recognizer).</summary>
    public const ulong DefaultLimitBytes = 128UL << 20;

    /// <summary>Sets the limit; returns false when one was set already, the host is not the steward executable, or the runtime refused (the scan then runs without).</summary>
    public static bool Cap()
    {
        // Only in the steward executable itself: a host running the command in-process (tests) keeps its own settings.
        if (System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name != "steward") return false;
        if (AppContext.GetData("GCHeapHardLimit") is not null || Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit") is not null) return false;
        try
        {
            AppContext.SetData("GCHeapHardLimit", DefaultLimitBytes);
            GC.RefreshMemoryLimit();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // more is committed already than the limit would allow
        }
    }
}
