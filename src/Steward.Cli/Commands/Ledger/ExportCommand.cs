using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Governance.Ledger;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger export --data DIR --out FILE</c>: writes a self-contained, verifiable export.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Data directory of the server", HelpName = "DIR", Required = true };
        var output = new Option<string>("--out") { Description = "Export file to write", HelpName = "FILE", Required = true };
        var command = new Command("export", "Export the ledger for offline verification") { data, output };
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetRequiredValue(output);
            long count;
            try
            {
                count = OfflineLedger.Export(parseResult.GetRequiredValue(data), file);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
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
