using System.Net;
using System.Text.Json.Nodes;
using Steward.Client;

namespace Steward.Server.Tests.Assessments;

/// <summary>The SDK's <c>client.Assessments</c> group against a real server.</summary>
public sealed class AssessmentClientTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await StewardTestServer.StartAsync();
    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sdk_StartsAnswersSubmitsApproves_AndSurfacesProblems()
    {
        var systemId = (await _server.RegisterSystemAsync("sdk-system"))["id"]!.GetValue<string>();
        using var alice = new StewardClient(_server.BaseAddress, await _server.KeyAsync("alice@example.com", "approver", "contributor"));
        using var bob = new StewardClient(_server.BaseAddress, await _server.KeyAsync("bob@example.com", "approver"));
        using var admin = new StewardClient(_server.BaseAddress, StewardTestServer.AdminKey);

        var templates = await alice.Assessments.ListTemplatesAsync();
        Assert.Equal("ai-risk-assessment", Assert.Single(templates).Id);
        var template = await alice.Assessments.GetTemplateAsync("ai-risk-assessment");
        Assert.True(template.Sections.Sum(s => s.Questions.Count) >= 30);

        var draft = await alice.Assessments.StartAsync(systemId);
        var answers = AssessmentTestData.LowRisk().ToDictionary(a => a.Key, a => a.Value?.DeepClone());
        var detail = await alice.Assessments.AnswerAsync(draft.Id, answers);
        Assert.Empty(detail.Missing);
        Assert.Equal("minimal", detail.Preview!.RiskTier);
        var evidence = new Dictionary<string, JsonNode?> { ["monitoring_in_place"] = true, ["monitoring_plan"] = new JsonObject { ["sha256"] = new string('b', 64), ["uri"] = "https://wiki.example.com/monitoring" } };
        detail = await alice.Assessments.AnswerAsync(draft.Id, evidence);
        Assert.Equal(new string('b', 64), detail.Sections.SelectMany(s => s.Questions).Single(q => q.Id == "monitoring_plan").Answer!["sha256"]!.GetValue<string>());

        var submitted = await alice.Assessments.SubmitAsync(draft.Id);
        Assert.Equal(("submitted", "passed"), (submitted.Status, submitted.Outcome));
        var refused = await Assert.ThrowsAsync<StewardApiException>(() => alice.Assessments.ApproveAsync(draft.Id));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var approved = await bob.Assessments.ApproveAsync(draft.Id, "fine");
        Assert.Equal("approved", approved.Status);
        Assert.Single((await bob.Assessments.ListAsync(systemId: systemId, status: "approved")).Items);

        var yaml = template.Yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal);
        Assert.Equal(2, (await admin.Assessments.PublishTemplateAsync(yaml)).Version);
        Assert.Equal("retired", (await admin.Assessments.RetireTemplateAsync("ai-risk-assessment", 1, "replaced")).Status);
        Assert.Equal("invalidated", (await bob.Assessments.InvalidateAsync(draft.Id, "new training data")).Status);
    }
}
