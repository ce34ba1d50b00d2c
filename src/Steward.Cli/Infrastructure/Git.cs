using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Steward.Cli.Infrastructure;

/// <summary>Runs git as a process with an argument list (no shell).</summary>
internal static class Git
{
    public sealed record Result(int ExitCode, byte[] Output, string Error)
    {
        public string Text => Encoding.UTF8.GetString(Output).Trim();
    }

    /// <summary>Runs git and returns whatever it did.</summary>
    public static async Task<Result> RunAsync(
        string directory, IEnumerable<string> arguments, byte[]? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        using var process = StartOrExplain(start);
        var output = new MemoryStream();
        var copyOutput = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var readError = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
        }

        process.StandardInput.Close();
        await copyOutput;
        var error = await readError;
        await process.WaitForExitAsync(cancellationToken);
        return new Result(process.ExitCode, output.ToArray(), error);
    }

    /// <summary>Runs git and fails with git's own message when it exits non-zero.</summary>
    public static async Task<Result> CheckAsync(
        string directory, IEnumerable<string> arguments, CancellationToken cancellationToken, byte[]? input = null)
    {
        var result = await RunAsync(directory, arguments, input, cancellationToken);
        if (result.ExitCode != 0)
        {
            var reason = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(line => line.StartsWith("fatal:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal))
                ?? result.Error.Trim();
            throw new CliException($"git {arguments.First()} in {directory} failed: {reason}");
        }

        return result;
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new CliException("could not start git");
        }
        catch (Win32Exception ex)
        {
            throw new CliException($"could not run git (is it installed and on PATH?): {ex.Message}", ex);
        }
    }
}
