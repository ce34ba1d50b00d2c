using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Steward.Governance.Assessments.Templates;

/// <summary>Reads the <c>scoring</c> block of a template (see docs/ASSESSMENTS.md for the format).</summary>
internal static partial class ScoringParser
{
    private static readonly string[] Fields =
        ["likelihood", "impact", "mitigations", "residual_floor", "tiers", "default_tier", "controls", "obligations", "outcome"];

    public static TemplateScoring Parse(YamlReader reader, YamlNode node, IReadOnlyDictionary<string, TemplateQuestion> questions)
    {
        var map = reader.Mapping(node, "scoring", Fields);
        var likelihood = Scale(reader, reader.Required(map, node, "scoring", "likelihood"), "scoring.likelihood", questions);
        var impact = Scale(reader, reader.Required(map, node, "scoring", "impact"), "scoring.impact", questions);

        var mitigations = new List<Mitigation>();
        if (reader.Optional(map, "mitigations") is { } mNode)
            foreach (var (m, i) in reader.Sequence(mNode, "scoring.mitigations", allowEmpty: true).Select((m, i) => (m, i)))
            {
                var what = $"scoring.mitigations[{i}]";
                var mm = reader.Mapping(m, what, "id", "when", "reduce", "reason");
                var id = Id(reader, reader.Required(mm, m, what, "id"), what, mitigations.Select(x => x.Id));
                mitigations.Add(new Mitigation(id,
                    ConditionParser.Parse(reader, reader.Required(mm, m, what, "when"), $"{what}.when", questions, allowTier: false),
                    reader.Int(reader.Required(mm, m, what, "reduce"), $"{what}.reduce", 1, 100),
                    reader.Text(reader.Required(mm, m, what, "reason"), $"{what}.reason", 500)));
            }
        var floor = reader.Optional(map, "residual_floor") is { } f ? reader.Int(f, "scoring.residual_floor", 1, 100) : 1;

        var tiers = new List<TierRule>();
        foreach (var (t, i) in reader.Sequence(reader.Required(map, node, "scoring", "tiers"), "scoring.tiers").Select((t, i) => (t, i)))
        {
            var what = $"scoring.tiers[{i}]";
            var tm = reader.Mapping(t, what, "tier", "when", "reason");
            tiers.Add(new TierRule(Tier(reader, reader.Required(tm, t, what, "tier"), $"{what}.tier"),
                ConditionParser.Parse(reader, reader.Required(tm, t, what, "when"), $"{what}.when", questions, allowTier: false),
                reader.Text(reader.Required(tm, t, what, "reason"), $"{what}.reason", 500)));
        }
        var defaultTier = Tier(reader, reader.Required(map, node, "scoring", "default_tier"), "scoring.default_tier");

        var controls = new List<ControlRule>();
        if (reader.Optional(map, "controls") is { } cNode)
            foreach (var (c, i) in reader.Sequence(cNode, "scoring.controls", allowEmpty: true).Select((c, i) => (c, i)))
            {
                var what = $"scoring.controls[{i}]";
                var cm = reader.Mapping(c, what, "id", "title", "required_when", "satisfied_when", "maps");
                var id = Id(reader, reader.Required(cm, c, what, "id"), what, controls.Select(x => x.Id));
                controls.Add(new ControlRule(id,
                    reader.Text(reader.Required(cm, c, what, "title"), $"{what}.title", 200),
                    ConditionParser.Parse(reader, reader.Required(cm, c, what, "required_when"), $"{what}.required_when", questions, allowTier: true),
                    reader.Optional(cm, "satisfied_when") is { } s ? ConditionParser.Parse(reader, s, $"{what}.satisfied_when", questions, allowTier: false) : null,
                    reader.Optional(cm, "maps") is { } mp ? TemplateParser.Mappings(reader, mp, what) : FrameworkMappings.None));
            }

        var obligations = new List<ObligationRule>();
        if (reader.Optional(map, "obligations") is { } oNode)
            foreach (var (o, i) in reader.Sequence(oNode, "scoring.obligations", allowEmpty: true).Select((o, i) => (o, i)))
            {
                var what = $"scoring.obligations[{i}]";
                var om = reader.Mapping(o, what, "id", "title", "date", "applies_when", "maps");
                var id = Id(reader, reader.Required(om, o, what, "id"), what, obligations.Select(x => x.Id));
                var dateNode = reader.Required(om, o, what, "date");
                var date = reader.Scalar(dateNode, $"{what}.date");
                if (!DateKeyPattern().IsMatch(date))
                    throw reader.Error(dateNode, $"{what}.date '{date}' must name a configured framework date as Framework:Obligation (e.g. EuAiAct:HighRisk)");
                obligations.Add(new ObligationRule(id,
                    reader.Text(reader.Required(om, o, what, "title"), $"{what}.title", 200), date,
                    ConditionParser.Parse(reader, reader.Required(om, o, what, "applies_when"), $"{what}.applies_when", questions, allowTier: true),
                    reader.Optional(om, "maps") is { } mp ? TemplateParser.Mappings(reader, mp, what) : FrameworkMappings.None));
            }

        var outcomeNode = reader.Required(map, node, "scoring", "outcome");
        var om2 = reader.Mapping(outcomeNode, "scoring.outcome", "failed_tiers", "failed_residual_at_least", "needs_mitigation_residual_at_least", "unsatisfied_controls_need_mitigation");
        var failedTiers = reader.Optional(om2, "failed_tiers") is { } ft
            ? reader.Sequence(ft, "scoring.outcome.failed_tiers", allowEmpty: true).Select(n => Tier(reader, n, "scoring.outcome.failed_tiers")).ToList()
            : [];
        var maxScore = likelihood.Max * impact.Max;
        var failedAt = reader.Int(reader.Required(om2, outcomeNode, "scoring.outcome", "failed_residual_at_least"), "scoring.outcome.failed_residual_at_least", 1, maxScore + 1);
        var mitigateNode = reader.Required(om2, outcomeNode, "scoring.outcome", "needs_mitigation_residual_at_least");
        var mitigateAt = reader.Int(mitigateNode, "scoring.outcome.needs_mitigation_residual_at_least", 1, maxScore + 1);
        if (mitigateAt > failedAt)
            throw reader.Error(mitigateNode, $"scoring.outcome: needs_mitigation_residual_at_least ({mitigateAt}) must not exceed failed_residual_at_least ({failedAt})");
        var unsatisfied = reader.Optional(om2, "unsatisfied_controls_need_mitigation") is not { } u || reader.Bool(u, "scoring.outcome.unsatisfied_controls_need_mitigation");
        return new TemplateScoring(likelihood, impact, mitigations, floor, tiers, defaultTier, controls, obligations,
            new OutcomeThresholds(failedTiers, failedAt, mitigateAt, unsatisfied));
    }

    private static PointScale Scale(YamlReader reader, YamlNode node, string what, IReadOnlyDictionary<string, TemplateQuestion> questions)
    {
        var map = reader.Mapping(node, what, "base", "max", "rules");
        var max = reader.Int(reader.Required(map, node, what, "max"), $"{what}.max", 1, 10);
        var @base = reader.Int(reader.Required(map, node, what, "base"), $"{what}.base", 1, max);
        var rules = new List<PointRule>();
        if (reader.Optional(map, "rules") is { } rNode)
            foreach (var (r, i) in reader.Sequence(rNode, $"{what}.rules", allowEmpty: true).Select((r, i) => (r, i)))
            {
                var rw = $"{what}.rules[{i}]";
                var rm = reader.Mapping(r, rw, "when", "add", "reason");
                rules.Add(new PointRule(
                    ConditionParser.Parse(reader, reader.Required(rm, r, rw, "when"), $"{rw}.when", questions, allowTier: false),
                    reader.Int(reader.Required(rm, r, rw, "add"), $"{rw}.add", -10, 10),
                    reader.Text(reader.Required(rm, r, rw, "reason"), $"{rw}.reason", 500)));
            }
        return new PointScale(@base, max, rules);
    }

    private static string Tier(YamlReader reader, YamlNode node, string what)
    {
        var tier = reader.Scalar(node, what);
        return RiskVocabulary.Tiers.Contains(tier) ? tier : throw reader.Error(node, $"{what}: '{tier}' is not a tier ({string.Join(", ", RiskVocabulary.Tiers)})");
    }

    private static string Id(YamlReader reader, YamlNode node, string what, IEnumerable<string> taken)
    {
        var id = reader.Scalar(node, $"{what}.id");
        if (!TemplateParser.QuestionIdPattern().IsMatch(id)) throw reader.Error(node, $"{what}.id '{id}' must match ^[a-z][a-z0-9_]{{0,63}}$");
        if (taken.Contains(id)) throw reader.Error(node, $"{what}.id '{id}' is used twice");
        return id;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}:[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex DateKeyPattern();
}
