using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Datasets;

/// <summary><c>steward dataset</c>: the datasets of the inventory.</summary>
internal static class DatasetCommand
{
    public static readonly (string, Func<Dataset, object?>)[] Columns =
    [
        ("ID", d => d.Id),
        ("NAME", d => d.Name),
        ("SYSTEM", d => d.SystemId),
        ("SHA256", d => d.Sha256),
        ("OWNER", d => d.Owner),
    ];

    public static Command Create(CliContext context) => new("dataset", "Register, list and show datasets")
    {
        RegisterCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
    };
}
