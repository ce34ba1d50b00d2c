using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>The assessment form in Chromium: a contributor fills (follow-up questions appear after saving) and submits; an approver approves.</summary>
public sealed class AssessmentTests(DashboardFixture fixture)
{
    private static readonly JsonObject LowRisk = JsonNode.Parse("""
        {
          "art5_manipulation": false, "art5_vulnerabilities": false, "art5_social_scoring": false,
          "art5_emotion_workplace": false, "art5_biometric_categorisation": false, "annex1_safety_component": false,
          "annex3_area": "none", "interacts_with_people": false, "generates_synthetic_content": false,
          "uses_personal_data": false, "sector_law": "none", "technical_documentation": true, "record_keeping_logs": true,
          "transparency_instructions": true, "affected_groups": "internal credit analysts", "affected_people": 40, "vulnerable_groups": false,
          "bias_testing": "none", "explainability": "global", "contestability": true, "decision_autonomy": "advisory",
          "failure_impact": "minor", "risk_management_process": true, "fallback_procedure": true, "stop_mechanism": true,
          "oversight_training": true, "accuracy_declared": true, "monitoring_in_place": false, "incident_reporting": true,
          "model_kind": "classical_ml", "adversarial_testing": "planned", "data_provenance": true, "poisoning_controls": true,
          "public_model_access": false, "third_party_components": false
        }
        """)!.AsObject();

    [Fact]
    public async Task Assessment_FilledAndSubmittedByOne_ApprovedByAnother()
    {
        await using var server = await StewardServerHost.StartAsync();
        await server.PostAsync("/api/v1/systems", new { name = "loan-underwriting", purpose = "Scores consumer loan applications.", owner = "risk@example.com", risk_tier = "high" });
        var contributor = await server.CreateKeyAsync("alice@example.com", "contributor");
        var approver = await server.CreateKeyAsync("bob@example.com", "approver");
        var assessmentUrl = "";

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, contributor, "/ui/assessments");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Risk assessments" })).ToBeVisibleAsync();
            await page.GetByLabel("System").SelectOptionAsync(new SelectOptionValue { Label = "loan-underwriting" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Risk assessment of loan-underwriting" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Assessment started");
            assessmentUrl = page.Url;

            // A follow-up question appears only after the answer that makes it relevant is saved.
            await Expect(page.Locator("#f-lawful_basis")).ToHaveCountAsync(0);
            await page.Locator("#f-uses_personal_data").GetByLabel("Yes").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Answers saved");
            await Expect(page.Locator("#f-lawful_basis")).ToBeVisibleAsync();

            // Change it back and answer everything shown; decision_autonomy then reveals oversight_training.
            await Expect(page.Locator("#f-oversight_training")).ToHaveCountAsync(0);
            await FillVisibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
            await Expect(page.Locator("#f-lawful_basis")).ToHaveCountAsync(0);
            await Expect(page.Locator("#f-oversight_training")).ToBeVisibleAsync();
            await Expect(page.GetByText("1 required question(s) still open")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "Assessment_Draft");

            // Submitting too early names what is missing.
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for approval" }).ClickAsync();
            await Expect(page.Locator(".alert-error")).ToContainTextAsync("required question(s) marked below");
            await Expect(page.Locator("#f-oversight_training .field-error")).ToBeVisibleAsync();

            await FillVisibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for approval" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted for approval");
            await Expect(page.GetByTestId("outcome")).ToContainTextAsync("passed");
            await Expect(page.GetByTestId("tier")).ToContainTextAsync("minimal");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0); // contributors cannot decide
        }, server, "Assessment_FilledAndSubmitted");

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, approver, new Uri(assessmentUrl).PathAndQuery.Split('?')[0]);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decision" })).ToBeVisibleAsync();

            // A post with the session cookie but without the form's anti-forgery token is refused.
            var path = new Uri(page.Url).AbsolutePath;
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("comment", "forged");
            var forged = await page.Context.APIRequest.PostAsync(path + "/approve", new() { Form = form, MaxRedirects = 0 });
            Assert.Equal(400, forged.Status);
            Assert.Contains("The form expired or was not sent from this page", await forged.TextAsync(), StringComparison.Ordinal);
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decision" })).ToBeVisibleAsync();
            await page.GetByLabel("Comment").FillAsync("Checked against the model card.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
            await Expect(page.GetByTestId("decided")).ToContainTextAsync("bob@example.com");
            await page.GotoAsync("/ui/assessments?status=approved");
            await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("tbody tr")).ToContainTextAsync("loan-underwriting");
        }, server, "Assessment_ApprovedByAnother");
    }

    /// <summary>Answers every question on the page that has an answer in <see cref="LowRisk"/>.</summary>
    private static async Task FillVisibleAsync(IPage page)
    {
        foreach (var (id, value) in LowRisk)
        {
            var field = page.Locator($"#f-{id}");
            if (await field.CountAsync() == 0) continue;
            switch (value!.GetValueKind())
            {
                case System.Text.Json.JsonValueKind.True:
                case System.Text.Json.JsonValueKind.False:
                    await field.GetByLabel(value.GetValue<bool>() ? "Yes" : "No", new() { Exact = true }).CheckAsync();
                    break;
                case System.Text.Json.JsonValueKind.Number:
                    await field.Locator("input").FillAsync(value.ToJsonString());
                    break;
                default:
                    if (await field.Locator("select").CountAsync() > 0) await field.Locator("select").SelectOptionAsync(value.GetValue<string>());
                    else await field.Locator("textarea").FillAsync(value.GetValue<string>());
                    break;
            }
        }
    }
}
