using Steward.Cli.Infrastructure;

namespace Steward.Cli;

/// <summary>The entry point of the <c>steward</c> tool.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // Before anything starts a thread-pool worker: the sidecar's workers must not spin (see SidecarRuntime).
        if (args is ["sidecar", ..]) Steward.Sidecar.SidecarRuntime.Apply(inlineIo: Steward.Sidecar.SidecarRuntime.InlineIoRequested(args));
        return RunAsync(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the tool in-process, writing to the given streams.</summary>
    /// <returns>The exit code: 0 on success, 1 on any failure.</returns>
    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliContext(stdout, stderr));

    /// <summary>Runs the tool in-process with a given context (environment, HTTP handler).</summary>
    /// <returns>The exit code: 0 on success, 1 on any failure.</returns>
    internal static Task<int> RunAsync(string[] args, CliContext context) =>
        StewardCommandLine.RunAsync(args, context);
}
