using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Ledger;

/// <summary><c>steward ledger</c>: the tamper-evident log, online and offline.</summary>
internal static class LedgerCommand
{
    public static Command Create(CliContext context) => new("ledger", "Read, prove, verify, export and anchor the ledger")
    {
        CheckpointCommand.Create(context),
        KeyCommand.Create(context),
        TreeCommand.Create(context),
        EntriesCommand.Create(context),
        ProofCommand.Create(context),
        VerifyCommand.Create(context),
        ExportCommand.Create(context),
        AnchorCommand.Create(context),
    };
}
