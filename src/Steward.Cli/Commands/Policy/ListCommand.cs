using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Policy;

/// <summary><c>steward policy list [--json]</c>: the modules on the server.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List the Rego modules on the server") { json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var modules = await client.Policies.ListAsync(cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, modules.Select(m => new { m.Id, m.Package, m.Version, m.Sha256, m.CreatedBy, m.CreatedAt, m.LedgerIndex }));
                return 0;
            }
            Output.Table(context.Out, modules,
                ("ID", m => m.Id), ("PACKAGE", m => m.Package), ("VERSION", m => m.Version), ("SHA256", m => m.Sha256[..12]),
                ("BY", m => m.CreatedBy), ("AT", m => m.CreatedAt));
            return 0;
        });
        return command;
    }
}
