using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger checkpoint</c>: prints the latest signed checkpoint as the server sends it.</summary>
internal static class CheckpointCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("checkpoint", "Print the latest signed checkpoint (C2SP signed note)");
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            await context.Out.WriteAsync(await client.Ledger.GetCheckpointAsync(cancellationToken));
            return 0;
        });
        return command;
    }
}
