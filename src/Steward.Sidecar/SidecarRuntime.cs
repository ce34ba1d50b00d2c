namespace Steward.Sidecar;

/// <summary>
/// Process-wide runtime settings that suit a sidecar sharing a small machine with the model it guards. They must be
/// applied before the thread pool starts its first worker, so a host calls <see cref="Apply(bool)"/> first thing in
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
    public static bool Apply() => Apply(inlineIo: false);

    /// <summary>The environment variable that makes the runtime complete socket operations on its epoll threads.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Whether a <c>steward sidecar</c> command line leaves inline I/O on (the default): false only for
    /// <c>--inline-io false</c> (also written <c>--inline-io=false</c> or <c>--inline-io:false</c>). Read before the
    /// command line is parsed, because the runtime half must be set before the first socket opens.
    /// </summary>
    /// <param name="args">The command line after the program name.</param>
    /// <returns>False when the command line turns inline I/O off.</returns>
    public static bool InlineIoRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var value = a == "--inline-io" ? (i + 1 < args.Count ? args[i + 1] : null)
                : a.StartsWith("--inline-io=", StringComparison.Ordinal) || a.StartsWith("--inline-io:", StringComparison.Ordinal) ? a["--inline-io=".Length..] : null;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
        }

        return true;
    }

    /// <summary>
    /// As <see cref="Apply()"/>; with <paramref name="inlineIo"/> also turns on the runtime's inline socket completions
    /// (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>, read once when the process opens its first socket, so
    /// this must run before any socket is used), the runtime half of <see cref="SidecarOptions.InlineIo"/>. An explicit
    /// value of that variable in the environment wins.
    /// </summary>
    /// <param name="inlineIo">Whether the sidecar runs with inline I/O (<see cref="SidecarOptions.InlineIo"/>, see <see cref="InlineIoRequested"/>).</param>
    /// <returns>True when the spin setting was applied, false when one was already given.</returns>
    public static bool Apply(bool inlineIo)
    {
        if (inlineIo && Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        if (Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") is not null
            || Environment.GetEnvironmentVariable("COMPlus_ThreadPool_UnfairSemaphoreSpinLimit") is not null
            || AppContext.GetData(SpinLimitSetting) is not null)
            return false;
        AppContext.SetData(SpinLimitSetting, 0);
        return true;
    }
}
