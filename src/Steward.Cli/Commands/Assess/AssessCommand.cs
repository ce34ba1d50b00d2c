using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Assess;

/// <summary><c>steward assess</c>: risk assessments of AI systems.</summary>
internal static class AssessCommand
{
    public static readonly (string, Func<Assessment, object?>)[] Columns =
    [
        ("ID", a => a.Id),
        ("SYSTEM", a => a.SystemId),
        ("TEMPLATE", a => $"{a.TemplateId}@{a.TemplateVersion}"),
        ("STATUS", a => a.Status),
        ("OUTCOME", a => a.Outcome),
        ("TIER", a => a.RiskTier),
        ("RESIDUAL", a => a.ResidualRisk),
        ("UPDATED", a => a.UpdatedAt),
    ];

    public static Command Create(CliContext context) => new("assess", "Start, answer, submit and approve risk assessments")
    {
        StartCommand.Create(context),
        AnswerCommand.Create(context),
        SubmitCommand.Create(context),
        DecideCommand.Create(context, approve: true),
        DecideCommand.Create(context, approve: false),
        InvalidateCommand.Create(context),
        ShowCommand.Create(context),
        ListCommand.Create(context),
    };

    /// <summary>The summary printed after a step: status, score and what remains.</summary>
    public static void Summary(TextWriter output, Assessment a)
    {
        output.WriteLine($"assessment {a.Id}: {a.Status}");
        if (a.Score is { } s)
        {
            output.WriteLine($"  outcome:        {s.Outcome}");
            output.WriteLine($"  EU AI Act tier: {s.RiskTier} ({s.TierReason})");
            output.WriteLine($"  inherent risk:  {s.InherentRisk} (likelihood {s.Likelihood.Points} x impact {s.Impact.Points})");
            output.WriteLine($"  residual risk:  {s.ResidualRisk}");
            foreach (var c in s.RequiredControls)
                output.WriteLine($"  control {(c.Satisfied ? "in place" : "MISSING ")}: {c.Title}");
            foreach (var reason in s.OutcomeReasons)
                output.WriteLine($"  because: {reason}");
        }
        if (a.DecidedBy is not null) output.WriteLine($"  {a.Decision} by {a.DecidedBy}{(a.DecisionComment is { } c2 ? $": {c2}" : "")}");
        if (a.InvalidationReason is not null) output.WriteLine($"  invalidated: {a.InvalidationReason}");
    }
}
