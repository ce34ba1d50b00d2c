using Steward.Client;

namespace Steward.Server.Tests.Pii;

/// <summary>The SDK's <c>client.Pii</c> against the real server.</summary>
public sealed class PiiSdkTests(PiiServerFixture fixture) : IClassFixture<PiiServerFixture>
{
    [Fact]
    public async Task AnalyzeAnonymizeDeanonymize_RoundTrip()
    {
        using var client = new StewardClient(fixture.Server.BaseAddress, fixture.ServiceKey);
        const string text = "ticket TCK-123456 is open";
        const string key = "WmZq4t7w!z%C&F)JaNdRgUkX";

        var found = await client.Pii.AnalyzeAsync(new PiiAnalyzeRequest { Text = text, ReturnDecisionProcess = true });
        var anonymized = await client.Pii.AnonymizeAsync(new PiiAnonymizeRequest
        {
            Text = text,
            AnalyzerResults = found,
            Anonymizers = new Dictionary<string, PiiOperator> { ["DEFAULT"] = new() { Type = "encrypt", Key = key } },
        });
        var restored = await client.Pii.DeanonymizeAsync(new PiiDeanonymizeRequest
        {
            Text = anonymized.Text,
            AnonymizerResults = anonymized.Items,
            Deanonymizers = new Dictionary<string, PiiOperator> { ["DEFAULT"] = new() { Type = "decrypt", Key = key } },
        });

        var entity = Assert.Single(found);
        Assert.Equal(("TICKET_ID", 7, 17), (entity.EntityType, entity.Start, entity.End));
        Assert.Equal("TicketRecognizer", entity.RecognitionMetadata!.RecognizerName);
        Assert.DoesNotContain("TCK-123456", anonymized.Text, StringComparison.Ordinal);
        Assert.Equal(text, restored.Text);
        Assert.Contains("TICKET_ID", await client.Pii.SupportedEntitiesAsync());
    }

    [Fact]
    public async Task Refusals_AreApiExceptions()
    {
        using var client = new StewardClient(fixture.Server.BaseAddress, fixture.ServiceKey);
        var e = await Assert.ThrowsAsync<StewardApiException>(() => client.Pii.AnalyzeAsync(new PiiAnalyzeRequest { Text = "x", Entities = ["SHOE_SIZE"] }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("SHOE_SIZE", e.Message, StringComparison.Ordinal);
    }
}
