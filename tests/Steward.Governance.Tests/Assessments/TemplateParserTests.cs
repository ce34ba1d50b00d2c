using Steward.Governance.Assessments.Templates;

namespace Steward.Governance.Tests.Assessments;

public sealed class TemplateParserTests
{
    private const string Minimal = """
        id: mini
        version: 1
        title: Minimal
        sections:
          - id: legal
            title: Legal
            questions:
              - id: uses_personal_data
                text: Personal data?
                type: yes_no
                maps: {eu_ai_act: ["Art. 10(5)"], nist: [MAP 1.1], iso42001: [A.7.4]}
              - id: dpia
                text: DPIA done?
                type: yes_no
                show_if: {question: uses_personal_data, equals: true}
                maps: {nist: [MAP 5.1]}
        scoring:
          likelihood: {base: 1, max: 5, rules: [{when: {question: uses_personal_data, equals: true}, add: 2, reason: personal data}]}
          impact: {base: 2, max: 5}
          mitigations: [{id: dpia, when: {question: dpia, equals: true}, reduce: 3, reason: DPIA}]
          tiers: [{tier: limited, when: {question: uses_personal_data, equals: true}, reason: personal}]
          default_tier: minimal
          outcome: {failed_residual_at_least: 20, needs_mitigation_residual_at_least: 6}
        """;

    [Fact]
    public void ShippedTemplate_LoadsWithEveryQuestionMapped()
    {
        var loaded = TemplateSources.Load(null);
        var (template, source, origin) = Assert.Single(loaded);
        Assert.Equal("shipped", origin);
        Assert.Contains("ai-risk-assessment.yaml", source);
        Assert.Equal("ai-risk-assessment", template.Id);
        Assert.True(template.Questions.Count() >= 30);
        Assert.Equal(["screening", "legal", "ethical", "operational", "security"], template.Sections.Select(s => s.Id));
        Assert.All(template.Questions, q => Assert.True(q.Maps.EuAiAct.Count + q.Maps.Nist.Count + q.Maps.Iso42001.Count > 0));
        foreach (var article in new[] { "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 27", "Art. 72", "Art. 73", "Annex IV" })
            Assert.Contains(template.Questions, q => q.Maps.EuAiAct.Any(a => a == article || a.StartsWith(article + "(", StringComparison.Ordinal)));
    }

    [Fact]
    public void Minimal_Parses()
    {
        var t = TemplateParser.Parse(Minimal, "mini.yaml");
        Assert.Equal(("mini", 1, 2), (t.Id, t.Version, t.Questions.Count()));
        Assert.IsType<AnswerCondition>(t.Find("dpia")!.ShowIf);
        Assert.Equal(64, t.Sha256.Length);
    }

    [Theory]
    [InlineData("id: mini\nversion: 1\ntitle: x: y", 3, "not valid YAML")]
    [InlineData("id: mini\nversion: 1\ntitle: x\ncolour: red\nsections: []", 4, "unknown field 'colour'")]
    [InlineData("id: Mini!\nversion: 1", 1, "must match")]
    [InlineData("id: mini\nversion: one", 2, "whole number")]
    public void Malformed_TopLevel_IsRejectedWithFileAndLine(string yaml, int line, string message)
    {
        var ex = Assert.Throws<TemplateFormatException>(() => TemplateParser.Parse(yaml, "bad.yaml"));
        Assert.Equal("bad.yaml", ex.Source);
        Assert.Equal(line, ex.Line);
        Assert.Contains(message, ex.Message);
        Assert.StartsWith($"bad.yaml:{line}:", ex.Message);
    }

    [Theory]
    [InlineData("nist: [MAP 1.1]", "nist: [MAP 9.1]", "MAP has categories 1 to 5")]
    [InlineData("nist: [MAP 1.1]", "nist: [MEASURE 2.14]", "MEASURE 2 has subcategories 2.1 to 2.13")]
    [InlineData("nist: [MAP 1.1]", "nist: [map-1.1]", "not a NIST AI RMF subcategory id")]
    [InlineData("iso42001: [A.7.4]", "iso42001: [A.11.2]", "not an ISO/IEC 42001 Annex A control")]
    [InlineData("eu_ai_act: [\"Art. 10(5)\"]", "eu_ai_act: [\"Article ten\"]", "not an EU AI Act reference")]
    [InlineData("equals: true}, add", "equals: maybe}, add", "must be true or false")]
    [InlineData("show_if: {question: uses_personal_data", "show_if: {question: dpia", "not defined before this point")]
    [InlineData("type: yes_no\n        maps: {eu", "type: choice\n        maps: {eu", "needs at least two options")]
    [InlineData("type: yes_no\n        maps: {eu", "type: yesno\n        maps: {eu", "type 'yesno' is not one of")]
    [InlineData("- id: dpia", "- id: uses_personal_data", "is used twice")]
    [InlineData("tier: limited", "tier: severe", "'severe' is not a tier")]
    [InlineData("needs_mitigation_residual_at_least: 6", "needs_mitigation_residual_at_least: 21", "must not exceed")]
    [InlineData("{question: dpia, equals: true}, reduce", "{tier_in: [high]}, reduce", "tier_in can only be used")]
    public void Malformed_Content_IsRejectedWithTheLineOfTheFault(string find, string replace, string message)
    {
        var yaml = Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);
        var ex = Assert.Throws<TemplateFormatException>(() => TemplateParser.Parse(yaml, "templates/bad.yaml"));
        Assert.Contains(message, ex.Reason);
        var expectedLine = yaml.Split('\n').Select((text, i) => (text, i)).Last(l => l.text.Contains(replace.Split('\n')[0].Trim(), StringComparison.Ordinal)).i + 1;
        Assert.InRange(ex.Line, expectedLine - 1, expectedLine + 1);
        Assert.StartsWith($"templates/bad.yaml:{ex.Line}:{ex.Column}: ", ex.Message);
    }

    [Fact]
    public void Directory_MalformedFile_FailsLoadNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("steward-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "good.yaml"), Minimal);
            File.WriteAllText(Path.Combine(dir, "broken.yml"), Minimal.Replace("type: yes_no", "type: yes_no: no", StringComparison.Ordinal));
            var ex = Assert.Throws<TemplateFormatException>(() => TemplateSources.Load(dir));
            Assert.Equal(Path.Combine(dir, "broken.yml"), ex.Source);
            Assert.True(ex.Line > 1);

            File.Delete(Path.Combine(dir, "broken.yml"));
            File.WriteAllText(Path.Combine(dir, "copy.yaml"), Minimal);
            var dup = Assert.Throws<TemplateFormatException>(() => TemplateSources.Load(dir));
            Assert.Contains("also defined in", dup.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
