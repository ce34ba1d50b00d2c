using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Systems;

/// <summary>
/// <c>steward system advance ID [--to STAGE] [--reason TEXT]</c>, <c>steward system gate ID STAGE</c> and
/// <c>steward system status ID</c>: lifecycle stages and their gates.
/// </summary>
internal static class LifecycleCommands
{
    public static readonly string[] Stages = ["intake", "risk_assessment", "development", "validation", "deployment", "monitoring", "retired"];

    public static Command Advance(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var to = new Option<string?>("--to") { Description = "The stage (default: the next one)" };
        to.AcceptOnlyFromAmong(Stages);
        var reason = new Option<string?>("--reason") { Description = "Why (recorded with the change)" };
        var json = CommonOptions.Json();
        var command = new Command("advance", "Move an AI system to a stage; refused with every unmet requirement when its gate does not allow it")
        {
            id, to, reason, json,
        };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var systemId = parseResult.GetRequiredValue(id);
            var stage = parseResult.GetValue(to) ?? Next((await client.Systems.GetAsync(systemId, cancellationToken)).Stage);
            var outcome = await client.Systems.ChangeStageAsync(systemId, stage, parseResult.GetValue(reason), cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, outcome);
            else if (outcome.Changed) context.Out.WriteLine($"{systemId} is now in stage {stage} (ledger entry {outcome.LedgerIndex})");
            else Unmet(context.Out, outcome.Gate);
            if (!outcome.Changed)
                throw new CliException($"the gate to {stage} refused: {outcome.Gate.Unmet.Count} requirement(s) unmet (the refusal is recorded)");
            return 0;
        });
        return command;
    }

    public static Command Gate(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var stage = new Argument<string>("STAGE") { Description = "The stage to ask about" };
        stage.AcceptOnlyFromAmong(Stages);
        var json = CommonOptions.Json();
        var command = new Command("gate", "Ask whether an AI system may move to a stage now (exit 0 when it may, 1 when not)") { id, stage, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var gate = await client.Systems.EvaluateGateAsync(parseResult.GetRequiredValue(id), parseResult.GetRequiredValue(stage), cancellationToken);
            if (parseResult.GetValue(json)) Output.Json(context.Out, gate);
            else if (gate.Allowed) context.Out.WriteLine($"allowed: {gate.From} -> {gate.To}");
            else Unmet(context.Out, gate);
            return gate.Allowed ? 0 : 1;
        });
        return command;
    }

    public static Command Status(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var json = CommonOptions.Json();
        var command = new Command("status", "Show an AI system's stage, what its next gate needs, and its recent stage changes") { id, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var systemId = parseResult.GetRequiredValue(id);
            var system = await client.Systems.GetAsync(systemId, cancellationToken);
            var stage = system.Stage ?? "intake";
            GateAnswer? next = stage == "retired" ? null : await client.Systems.EvaluateGateAsync(systemId, Next(stage), cancellationToken);
            var history = await client.Systems.StageHistoryAsync(systemId, 10, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, new { system, next_gate = next, history });
                return 0;
            }
            context.Out.WriteLine($"system:  {system.Name} ({system.Id})");
            context.Out.WriteLine($"stage:   {stage}");
            if (next is null) context.Out.WriteLine("next:    none (retired)");
            else if (next.Allowed) context.Out.WriteLine($"next:    {next.To}: allowed (steward system advance {systemId})");
            else
            {
                context.Out.WriteLine($"next:    {next.To}: {next.Unmet.Count} requirement(s) unmet");
                foreach (var u in next.Unmet) context.Out.WriteLine($"  - {u.Rule}: {u.Message}");
            }
            if (history.Count > 0)
            {
                context.Out.WriteLine("history:");
                Output.Table(context.Out, history,
                    ("ENTRY", e => e.LedgerIndex), ("TIME", e => e.Time), ("ACTOR", e => e.Actor),
                    ("CHANGE", e => $"{e.From} -> {e.To}"), ("RESULT", e => e.Type == "stage.changed" ? "changed" : $"refused ({e.Unmet?.Count ?? 0} unmet)"));
            }
            return 0;
        });
        return command;
    }

    private static string Next(string? stage)
    {
        var i = Array.IndexOf(Stages, stage ?? "intake");
        if (i < 0 || i >= Stages.Length - 1) throw new CliException($"stage {stage} has no next stage; give --to");
        return Stages[i + 1];
    }

    private static void Unmet(TextWriter writer, GateAnswer gate)
    {
        writer.WriteLine($"refused: {gate.From} -> {gate.To}");
        foreach (var u in gate.Unmet) writer.WriteLine($"  - {u.Rule}: {u.Message}");
    }
}

/// <summary><c>steward system report ID [--kind technical-documentation|board] [--format html|pdf|json] --out FILE</c>.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The system's id" };
        var kind = new Option<string>("--kind") { Description = "technical-documentation (EU AI Act Annex IV) or board", DefaultValueFactory = _ => "technical-documentation" };
        kind.AcceptOnlyFromAmong("technical-documentation", "board");
        var format = new Option<string>("--format") { Description = "html, pdf or json", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "pdf", "json");
        var output = new Option<string>("--out") { Description = "File to write (existing files are replaced)", Required = true };
        var command = new Command("report", "Download a report built from the system's ledger entries, each claim citing its entries") { id, kind, format, output };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var bytes = await client.Systems.ReportAsync(parseResult.GetRequiredValue(id), parseResult.GetRequiredValue(kind), parseResult.GetRequiredValue(format), cancellationToken);
            var path = parseResult.GetRequiredValue(output);
            var temp = path + ".part";
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, path, overwrite: true);
            context.Out.WriteLine($"wrote {path} ({bytes.Length} bytes)");
            return 0;
        });
        return command;
    }
}
