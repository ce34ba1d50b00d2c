using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Governance.Ledger;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger export --data DIR [--connection CS] --out FILE</c>: writes a self-contained, verifiable export.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Data directory of the server", HelpName = "DIR", Required = true };
        var output = new Option<string>("--out") { Description = "Export file to write", HelpName = "FILE", Required = true };
        var connection = new Option<string?>("--connection")
        {
            Description = "Read the entries from this PostgreSQL database (a server run with --store postgres); the key still comes from --data",
            HelpName = "CS",
        };
        var command = new Command("export", "Export the ledger for offline verification") { data, output, connection };
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetRequiredValue(output);
            long count;
            try
            {
                count = OfflineLedger.Export(parseResult.GetRequiredValue(data), file, parseResult.GetValue(connection));
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException
                or System.Data.Common.DbException or ArgumentException)
            {
                throw new CliException(ex.Message, ex);
            }

            context.Out.WriteLine($"exported {count} entries to {file}");
            context.Out.WriteLine($"verify with: steward ledger verify --file {file}");
            return 0;
        });
        return command;
    }
}
