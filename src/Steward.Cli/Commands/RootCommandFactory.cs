using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands;

/// <summary>Builds the <c>steward</c> command tree.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliContext context) => new("Steward: AI governance with a tamper-evident ledger.")
    {
        Serve.ServeCommand.Create(context),
        Systems.SystemCommand.Create(context),
        Models.ModelCommand.Create(context),
        Datasets.DatasetCommand.Create(context),
        Decisions.DecisionCommand.Create(context),
        Assess.AssessCommand.Create(context),
        Keys.KeyCommand.Create(context),
        ApiKeys.ApiKeyCommand.Create(context),
        Ledger.LedgerCommand.Create(context),
        Policy.PolicyCommand.Create(context),
        Sidecar.SidecarCommand.Create(context),
        RedTeam.RedTeamCommand.Create(context),
        Status.MeCommand.Create(context),
        Tickets.TicketCommand.Create(context),
        Pii.PiiCommand.Create(context),
        Drift.DriftCommand.Create(context),
        Monitors.MonitorCommand.Create(context),
    };
}
