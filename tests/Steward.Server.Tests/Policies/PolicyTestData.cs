using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Steward.Server.Tests.Policies;

/// <summary>The policies the tests upload, and small request helpers.</summary>
internal static class PolicyTestData
{
    /// <summary>The policy a Flask service asks: allow a prediction when its score is high enough and the model is approved.</summary>
    public const string AiPolicy = """
        package ai_policy

        default allow := false

        allow if {
            input.prediction.score >= data.limits.min_score
            input.prediction.model in data.approved_models
        }

        deny contains msg if {
            input.prediction.score < data.limits.min_score
            msg := "score is below the minimum"
        }

        decision := {"allow": allow, "deny": deny}
        """;

    public const string AiPolicyData = """{"limits": {"min_score": 0.5}, "approved_models": ["credit-v3"]}""";

    public const string AiPolicyTests = """
        package ai_policy_test

        import data.ai_policy

        test_high_score_is_allowed if {
            ai_policy.allow with input as {"prediction": {"score": 0.9, "model": "credit-v3"}}
        }

        test_low_score_is_denied if {
            not ai_policy.allow with input as {"prediction": {"score": 0.1, "model": "credit-v3"}}
        }
        """;

    public static async Task PutPolicyAsync(HttpClient client, string id, string rego, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(rego, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await client.PutAsync($"/v1/policies/{id}", content);
        Assert.True(expected == response.StatusCode, $"PUT /v1/policies/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task PutDataAsync(HttpClient client, string path, string json)
    {
        var response = await client.PutAsync($"/v1/data/{path}", StewardTestServer.Json(json));
        Assert.True(HttpStatusCode.NoContent == response.StatusCode, $"PUT /v1/data/{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
