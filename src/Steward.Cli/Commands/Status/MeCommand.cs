using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Status;

/// <summary><c>steward me</c>: who the configured credentials belong to.</summary>
internal static class MeCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("me", "Show the identity and roles behind the configured API key") { json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var me = await client.MeAsync(cancellationToken);
            Output.Record(context.Out, me, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
