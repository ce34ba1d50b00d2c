using System.CommandLine;
using System.CommandLine.Parsing;
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
                await context.Error.WriteLineAsync(ErrorLine.ForUsage(DescribeParseError(parseResult)));
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

    /// <summary>The first parse error; for a group command (<c>steward system</c>) the commands it offers.</summary>
    private static string DescribeParseError(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Action is not null)
        {
            return parseResult.Errors[0].Message;
        }

        var path = string.Join(' ', parseResult.Tokens.Where(t => t.Type == TokenType.Command).Select(t => t.Value).Prepend("steward"));
        var choices = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return parseResult.UnmatchedTokens.Count > 0
            ? $"unknown command '{parseResult.UnmatchedTokens[0]}' for '{path}'; use one of: {choices}"
            : $"'{path}' needs a command: {choices}";
    }
}
