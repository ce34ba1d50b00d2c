using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger tree</c>: the current size and root hash (unsigned).</summary>
internal static class TreeCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("tree", "Print the current tree size and root hash (unsigned; see checkpoint)") { json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            Output.Record(context.Out, await client.Ledger.GetTreeAsync(cancellationToken), parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
