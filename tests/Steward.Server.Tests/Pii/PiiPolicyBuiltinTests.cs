using System.Net;

namespace Steward.Server.Tests.Pii;

/// <summary>Policies stored on the server may call pii.contains and pii.analyze (module validation, evaluation).</summary>
public sealed class PiiPolicyBuiltinTests(PiiServerFixture fixture) : IClassFixture<PiiServerFixture>
{
    private const string Module = """
        package outputs

        deny contains "ticket id in the output" if pii.contains(input.output, ["TICKET_ID"])

        findings := pii.analyze(input.output)
        """;

    [Fact]
    public async Task AStoredPolicy_DeniesOutputsWithAnEntity()
    {
        using var client = fixture.Server.Client();
        var put = await client.PutAsync("/v1/policies/outputs.rego", new StringContent(Module, System.Text.Encoding.UTF8, "text/plain"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var (denied, body) = await fixture.PostAsync("/v1/data/outputs", """{"input": {"output": "see TCK-123456"}}""");
        var (_, clean) = await fixture.PostAsync("/v1/data/outputs", """{"input": {"output": "all good"}}""");

        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal("ticket id in the output", body!["result"]!["deny"]![0]!.GetValue<string>());
        Assert.Equal(4, body["result"]!["findings"]![0]!["start"]!.GetValue<int>());
        Assert.Empty(clean!["result"]!["deny"]!.AsArray());
    }
}
