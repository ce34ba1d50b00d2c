using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Assessments.Templates;

namespace Steward.Server.Tests.Assessments;

/// <summary>Templates from <c>Assessments:TemplateDirectory</c> at start: published when valid, start refused with file and line when not.</summary>
public sealed class TemplateStartupTests
{
    private const string Extra = """
        id: vendor-ai-intake
        version: 3
        title: Vendor AI intake
        sections:
          - id: supplier
            title: Supplier
            questions:
              - id: vendor_model_card
                text: Did the vendor provide a model card?
                type: yes_no
                maps: {eu_ai_act: ["Art. 13"], nist: [GOVERN 6.1], iso42001: [A.10.3]}
        scoring:
          likelihood: {base: 1, max: 5}
          impact: {base: 1, max: 5}
          tiers: [{tier: limited, when: {question: vendor_model_card, equals: false}, reason: No model card}]
          default_tier: minimal
          outcome: {failed_residual_at_least: 20, needs_mitigation_residual_at_least: 10}
        """;

    [Fact]
    public async Task DirectoryTemplate_IsPublishedAtStart_NextToTheShippedOne()
    {
        var dir = Directory.CreateTempSubdirectory("steward-templates-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "vendor.yaml"), Extra, TestContext.Current.CancellationToken);
        await using var server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Assessments:TemplateDirectory"] = dir });
        using var client = server.Client();
        var templates = (await client.GetFromJsonAsync<JsonArray>("/api/v1/assessment-templates", TestContext.Current.CancellationToken))!;
        Assert.Equal(["ai-risk-assessment", "vendor-ai-intake"], templates.Select(t => t!["id"]!.GetValue<string>()));
        var vendor = templates[1]!["versions"]![0]!;
        Assert.Equal(("directory", "steward", 3), (vendor["source"]!.GetValue<string>(), vendor["published_by"]!.GetValue<string>(), vendor["version"]!.GetValue<int>()));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task MalformedDirectoryTemplate_StopsStart_NamingFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("steward-templates-").FullName;
        var file = Path.Combine(dir, "vendor.yaml");
        await File.WriteAllTextAsync(file, Extra.Replace("GOVERN 6.1", "GOVERN 6.9", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<TemplateFormatException>(() =>
            StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Assessments:TemplateDirectory"] = dir }));
        Assert.StartsWith($"{file}:11:", ex.Message);
        Assert.Contains("GOVERN 6 has subcategories 6.1 to 6.2", ex.Message);
        Directory.Delete(dir, true);
    }
}
