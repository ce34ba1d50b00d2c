using System.Globalization;

namespace Steward.Server.Reports;

/// <summary>
/// The board's page on one system: where it stands, what blocks it, its risk, its red-team record, who decided
/// what, and whether the record itself verifies. Counts come from the ledger entries they cite.
/// </summary>
internal static class BoardReport
{
    public static ReportDocument Build(SystemEvidence ev)
    {
        var s = ev.System;
        var decisions = ev.OfType("decision.recorded").ToList();
        var assessments = ev.OfType("assessment").ToList();
        var findings = ev.OfType("redteam.finding").ToList();
        var refusals = ev.Entries.Where(e => e.Type.EndsWith("refused", StringComparison.Ordinal)).ToList();
        var latestAssessment = assessments.LastOrDefault(a => a.Type is "assessment.approved" or "assessment.rejected" or "assessment.submitted" or "assessment.invalidated");
        var recorded = findings.Where(f => f.Type == "redteam.finding.recorded").ToList();
        var verified = ev.Entries.Count(e => e.Proof.State == Steward.Server.Dashboard.Audit.ProofState.Verified);

        var glance = new ReportSection("1", "At a glance", "",
        [
            new Facts(
            [
                ("Stage", Claim.Of(EntryText.Words(s.Stage), ev.OfType("stage.changed").Select(e => e.Index).TakeLast(1))),
                ("Risk tier", Claim.Of(latestAssessment?.Text("risk_tier") is { } tier ? $"{tier} (latest assessment)" : $"{s.RiskTier} (inventory)",
                    latestAssessment is null ? ev.OfType("system.registered").Select(e => e.Index) : [latestAssessment.Index])),
                ("Latest assessment", Claim.Of(latestAssessment is null ? "none" : EntryText.Describe(latestAssessment),
                    latestAssessment is null ? [] : [latestAssessment.Index])),
                ("Red-team findings recorded", Claim.Of(Count(recorded.Count, "finding") + BySeverity(recorded), recorded.Select(f => f.Index))),
                ("Decisions recorded", Claim.Of(Count(decisions.Count, "decision") + ByOutcome(decisions), decisions.Select(d => d.Index))),
                ("Refusals recorded", Claim.Of(Count(refusals.Count, "refusal"), refusals.Select(r => r.Index))),
                ("Record integrity", Claim.Of(ev.Checkpoint.Verified
                    ? $"{verified} of {ev.Entries.Count} entries verified against the signed checkpoint"
                    : $"the latest checkpoint does not verify: {ev.Checkpoint.Failure}", [])),
            ]),
        ]);

        var blocks = new ReportSection("2", "What blocks progress", "",
            ev.Gates.Count == 0
                ? [TechnicalDocumentation.Paragraph("The system is retired or in its last active stage.", [])]
                : [.. ev.Gates.Select(g => (ReportBlock)new Bullets(g.Allowed
                    ? [Claim.Of($"{EntryText.Words(g.To)}: allowed.", [])]
                    : [.. g.Unmet.Select(u => Claim.Of($"{EntryText.Words(g.To)}: {u.Message}", []))]))]);

        var risk = new ReportSection("3", "Risk assessments", "", [TechnicalDocumentation.List(assessments, "No risk assessment is recorded.")]);
        var redteam = new ReportSection("4", "Red-team record", "", [TechnicalDocumentation.List(findings.Concat(ev.OfType("redteam.exercise")), "No red-team exercise or finding is recorded.")]);
        var accountability = new ReportSection("5", "Decisions and accountability", "",
        [
            TechnicalDocumentation.List(decisions, "No decision is recorded."),
            TechnicalDocumentation.Heading("Refused actions"),
            TechnicalDocumentation.List(refusals, "Nothing was refused."),
        ]);
        return new ReportDocument($"Board report: {s.Name}", "AI governance status, every statement backed by a verifiable ledger entry",
            TechnicalDocumentation.Header(ev), [glance, blocks, risk, redteam, accountability], ev);
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string BySeverity(List<EvidenceEntry> findings)
    {
        var groups = findings.GroupBy(f => f.Text("severity") ?? "unknown").OrderBy(g => Array.IndexOf(Severities, g.Key)).Select(g => $"{g.Count()} {g.Key}");
        return findings.Count == 0 ? "" : $" ({string.Join(", ", groups)})";
    }

    private static string ByOutcome(List<EvidenceEntry> decisions)
    {
        var groups = decisions.GroupBy(d => d.Text("outcome") ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return decisions.Count == 0 ? "" : $" ({string.Join(", ", groups)})";
    }

    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info", "unknown"];
}
