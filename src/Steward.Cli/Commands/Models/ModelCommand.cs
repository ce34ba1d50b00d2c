using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Models;

/// <summary><c>steward model</c>: the models of the inventory.</summary>
internal static class ModelCommand
{
    public static readonly (string, Func<AiModel, object?>)[] Columns =
    [
        ("ID", m => m.Id),
        ("NAME", m => m.Name),
        ("SYSTEM", m => m.SystemId),
        ("FRAMEWORK", m => m.Framework),
        ("OWNER", m => m.Owner),
    ];

    public static Command Create(CliContext context) => new("model", "Register, list and show models")
    {
        RegisterCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
    };
}
