using System.Diagnostics;

namespace Steward.Sidecar.Tests.Support;

/// <summary>Runs the built <c>steward</c> tool (copied next to the tests) as a process.</summary>
public static class StewardProcess
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "steward.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("STEWARD_API_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
