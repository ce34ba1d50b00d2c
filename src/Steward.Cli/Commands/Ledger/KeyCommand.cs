using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger key</c>: prints the verifier key checkpoints are signed with.</summary>
internal static class KeyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("key", "Print the ledger's verifier key (pin it for offline verification)");
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            await context.Out.WriteLineAsync(await client.Ledger.GetVerifierKeyAsync(cancellationToken));
            return 0;
        });
        return command;
    }
}
