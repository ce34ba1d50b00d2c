namespace Steward.Server.Reports;

/// <summary>
/// The technical documentation pack of one system, structured as Annex IV of the EU AI Act (Regulation (EU)
/// 2024/1689) lists it, filled only with what Steward recorded. Where nothing is recorded the pack says so
/// instead of inventing content, so the gaps are visible.
/// </summary>
internal static class TechnicalDocumentation
{
    public static ReportDocument Build(SystemEvidence ev)
    {
        var s = ev.System;
        var registered = ev.OfType("system.registered").Select(e => e.Index).ToList();
        var updates = ev.OfType("system.updated").ToList();
        var decisions = ev.OfType("decision.recorded").ToList();
        var assessments = ev.OfType("assessment").ToList();
        var findings = ev.OfType("redteam").ToList();
        var stages = ev.OfType("stage").ToList();
        var tickets = ev.Entries.Where(e => e.Type.StartsWith("ticket.", StringComparison.Ordinal)).ToList();

        var general = new ReportSection("1", "General description of the AI system", "Annex IV point 1; Article 11",
        [
            new Facts(
            [
                ("Name", Claim.Of(s.Name, registered)),
                ("Intended purpose", Claim.Of(string.IsNullOrEmpty(s.Purpose) ? "not recorded" : s.Purpose,
                    registered.Concat(updates.Where(u => u.Data.ContainsKey("purpose")).Select(u => u.Index)))),
                ("Accountable owner", Claim.Of(s.Owner, registered.Concat(updates.Where(u => u.Data.ContainsKey("owner")).Select(u => u.Index)))),
                ("Business unit", Claim.Of(string.IsNullOrEmpty(s.BusinessUnit) ? "not recorded" : s.BusinessUnit, registered)),
                ("Risk tier (inventory)", Claim.Of(s.RiskTier, registered.Concat(updates.Where(u => u.Data.ContainsKey("risk_tier")).Select(u => u.Index)))),
                ("Lifecycle stage", Claim.Of(EntryText.Words(s.Stage), stages.Where(e => e.Type == "stage.changed").Select(e => e.Index).TakeLast(1))),
                ("Models", Claim.Of(ev.Models.Count == 0 ? "none registered" : string.Join(", ", ev.Models.Select(m => m.Name)),
                    ev.OfType("model.registered").Select(e => e.Index))),
            ]),
        ]);

        var datasetEntries = ev.OfType("dataset").Concat(decisions.Where(d => d.SubjectKind == "dataset")).ToList();
        var development = new ReportSection("2", "Elements of the system and its development", "Annex IV point 2; Articles 10, 14 and 15",
        [
            Heading("Data and data governance (point 2(d), Article 10)"),
            List(datasetEntries, "No dataset is registered for this system."),
            Heading("Validation, testing and approvals (point 2(g))"),
            List(decisions.Where(d => d.SubjectKind == "system"), "No decision about this system is recorded."),
            Heading("Robustness and cybersecurity testing (point 2(h), Article 15)"),
            List(findings, "No red-team exercise or finding is recorded."),
        ]);

        var control = new ReportSection("3", "Monitoring, functioning and control", "Annex IV point 3; Articles 13 and 14",
        [
            Paragraph("The gates below decide, with the system's recorded state, whether it may move on; each unmet requirement is a limitation on its use today.", []),
            .. ev.Gates.Select(g => (ReportBlock)new Bullets(g.Allowed
                ? [Claim.Of($"Gate to {EntryText.Words(g.To)}: allowed (policy revision {g.PolicyRevision}).", [])]
                : [.. g.Unmet.Select(u => Claim.Of($"Gate to {EntryText.Words(g.To)}: {u.Rule}: {u.Message}", []))])),
        ]);

        var metrics = new ReportSection("4", "Appropriateness of the performance metrics", "Annex IV point 4",
        [
            Paragraph(decisions.Any(d => d.Text("type") is "validation" or "performance_review")
                ? "Performance reviews are recorded as decisions; see section 2."
                : "No performance metric or performance review is recorded in Steward for this system. Record one as a decision (type performance_review) with the metrics report as evidence.",
                decisions.Where(d => d.Text("type") is "validation" or "performance_review").Select(d => d.Index)),
        ]);

        var risk = new ReportSection("5", "Risk management system", "Annex IV point 5; Article 9",
        [
            Heading("Risk assessments"),
            List(assessments, "No risk assessment is recorded."),
            Heading("Risk acceptances and waivers"),
            List(decisions.Where(d => d.Text("type") is "risk_acceptance" or "waiver"), "No risk acceptance or waiver is recorded."),
            Heading("Refusals (separation of duties and gates)"),
            List(ev.Entries.Where(e => e.Type.EndsWith("refused", StringComparison.Ordinal)), "Nothing was refused."),
        ]);

        var changes = new ReportSection("6", "Changes through the lifecycle", "Annex IV point 6",
        [
            List(updates.Concat(stages).Concat(ev.OfType("model.registered")).Concat(ev.OfType("dataset.registered")).OrderBy(e => e.Index),
                "No change is recorded since registration."),
        ]);

        var templates = assessments.Where(a => a.Text("template") is not null).Select(a => (a.Text("template"), a.Text("template_version"), a.Index))
            .GroupBy(t => (t.Item1, t.Item2)).Select(g => Claim.Of(
                $"Risk assessment template {g.Key.Item1} version {g.Key.Item2}: its questions map to EU AI Act articles, NIST AI RMF subcategories and ISO/IEC 42001 Annex A controls.",
                g.Select(x => x.Index))).ToList();
        var standards = new ReportSection("7", "Standards and specifications applied", "Annex IV point 7",
        [
            templates.Count > 0 ? new Bullets(templates) : Paragraph("No assessment template is recorded for this system.", []),
        ]);

        var doc = decisions.Where(d => d.Text("type") == "eu_declaration_of_conformity").ToList();
        var conformity = new ReportSection("8", "EU declaration of conformity", "Annex IV point 8; Article 47",
        [
            doc.Count > 0 ? List(doc, "") : Paragraph("No EU declaration of conformity is recorded. Record it as a decision of type eu_declaration_of_conformity with the signed declaration as evidence.", []),
        ]);

        var monitoring = new ReportSection("9", "Post-market monitoring", "Annex IV point 9; Article 72",
        [
            List(stages.Where(e => e.Text("to") == "monitoring").Concat(tickets).Concat(decisions.Where(d => d.Text("type") == "post_market_monitoring_plan")),
                "No post-market monitoring is recorded yet (no monitoring stage, plan or ticket)."),
        ]);

        return new ReportDocument(
            $"Technical documentation: {s.Name}",
            "Structured as Annex IV of the EU AI Act; every statement cites the ledger entries that record it",
            Header(ev), [general, development, control, metrics, risk, changes, standards, conformity, monitoring], ev);
    }

    internal static IReadOnlyList<(string, string)> Header(SystemEvidence ev) =>
    [
        ("System", $"{ev.System.Name} ({ev.System.Id})"),
        ("Generated", EntryText.Date(ev.GeneratedAt)),
        ("Ledger entries about the system", ev.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Signed checkpoint", ev.Checkpoint.Checkpoint is { } c
            ? $"size {c.Size}, root {Convert.ToHexStringLower(c.RootHash)}, signed by {string.Join(", ", ev.Checkpoint.SignedBy)}"
            : $"NOT VERIFIED: {ev.Checkpoint.Failure}"),
    ];

    internal static ReportBlock Heading(string text) => new Subheading(text);

    internal static ReportBlock Paragraph(string text, IEnumerable<long> cites) => new Paragraph(Claim.Of(text, cites));

    internal static ReportBlock List(IEnumerable<EvidenceEntry> entries, string empty)
    {
        var items = entries.OrderBy(e => e.Index).Select(e => Claim.Of(EntryText.Describe(e), [e.Index])).ToList();
        return items.Count == 0 ? Paragraph(empty, []) : new Bullets(items);
    }
}
