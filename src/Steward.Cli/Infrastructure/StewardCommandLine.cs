using System.CommandLine;
using Steward.Cli.Commands;

namespace Steward.Cli.Infrastructure;

/// <summary>Parses the command line, runs the command and turns every failure into one line and exit code 1.</summary>
internal static class StewardCommandLine
{
    public const int Success = 0;
    public const int Failure = 1;

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        try
        {
            var root = RootCommandFactory.Create(context);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                await context.Error.WriteLineAsync(ErrorLine.ForUsage(parseResult.Errors[0].Message));
                return Failure;
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parseResult.InvokeAsync(configuration);
        }
#pragma warning disable CA1031 // The tool's contract: whatever fails, one line on stderr and exit 1, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync(ErrorLine.For(ex));
            return Failure;
        }
    }
}
