using System.Text.Json.Nodes;

namespace Steward.Browser.Tests.Infrastructure;

/// <summary>
/// A small governance history, made through the HTTP API: the admin registers systems, a model and a dataset
/// and changes one system; an approver (separation of duties) records decisions about them.
/// </summary>
public sealed record SeedData(
    IReadOnlyList<JsonObject> Systems, JsonObject Model, JsonObject Dataset, IReadOnlyList<JsonObject> Decisions,
    string ApproverKey, string AuditorKey)
{
    public static readonly (string Name, string Tier, string Status, string Unit)[] SystemSpecs =
    [
        ("credit-scoring", "high", "active", "retail"),
        ("fraud-detection", "limited", "active", "payments"),
        ("support-chatbot", "minimal", "proposed", "customer care"),
        ("cv-screening", "high", "suspended", "hr"),
    ];

    public JsonObject System(string name) => Systems.Single(s => s["name"]!.GetValue<string>() == name);

    public static async Task<SeedData> CreateAsync(StewardServerHost server)
    {
        var systems = new List<JsonObject>();
        foreach (var (name, tier, status, unit) in SystemSpecs)
        {
            systems.Add(await server.PostAsync("/api/v1/systems", new
            {
                name,
                purpose = $"Decides {name.Replace('-', ' ')} outcomes for the {unit} business.",
                owner = $"{unit.Replace(' ', '-')}-owner@example.com",
                business_unit = unit,
                risk_tier = tier,
                status,
            }));
        }
        var credit = systems[0]["id"]!.GetValue<string>();
        var model = await server.PostAsync("/api/v1/models", new
        {
            name = "credit-gbm-v3", system_id = credit, owner = "ml-team@example.com", description = "Gradient-boosted scorecard", framework = "xgboost",
        });
        var dataset = await server.PostAsync("/api/v1/datasets", new
        {
            name = "loan-applications-2024", system_id = credit, owner = "data-office@example.com",
            description = "Loan applications with outcomes", sha256 = new string('a', 64),
        });
        await server.PatchAsync($"/api/v1/systems/{systems[1]["id"]}", new { risk_tier = "high" });

        var approver = await server.CreateKeyAsync("approver@example.com", "approver");
        var auditor = await server.CreateKeyAsync("auditor@example.com", "auditor");
        var decisions = new List<JsonObject>
        {
            await server.PostAsync("/api/v1/decisions", new
            {
                type = "deployment_approval", subject = new { kind = "system", id = credit }, outcome = "approved",
                rationale = "Bias review passed; monitoring in place.", risk_acknowledged = "residual bias on thin-file applicants accepted",
                refs = new Dictionary<string, string> { ["ticket"] = "GOV-12" },
            }, approver),
            await server.PostAsync("/api/v1/decisions", new
            {
                type = "ethical_review", subject = new { kind = "system", id = systems[3]["id"]!.GetValue<string>() }, outcome = "rejected",
                rationale = "Screening criteria are not explainable to candidates.",
            }, approver),
            await server.PostAsync("/api/v1/decisions", new
            {
                type = "dataset_approval", subject = new { kind = "dataset", id = dataset["id"]!.GetValue<string>() }, outcome = "approved",
                rationale = "Consent basis documented.",
            }, approver),
        };
        return new SeedData(systems, model, dataset, decisions, approver, auditor);
    }
}
