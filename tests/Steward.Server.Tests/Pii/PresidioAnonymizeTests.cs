using System.Net;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Pii;

public sealed class PresidioAnonymizeTests(PiiServerFixture fixture) : IClassFixture<PiiServerFixture>
{
    [Fact]
    public async Task AnalyzeThenAnonymize_PipesPresidiosAnswersThrough()
    {
        var (_, analysis) = await fixture.PostAsync("/analyze", """{"text":"ticket TCK-123456 for Bond","language":"en","return_decision_process":true}""");
        var request = new JsonObject
        {
            ["text"] = "ticket TCK-123456 for Bond",
            ["analyzer_results"] = analysis!.DeepClone(),
            ["anonymizers"] = new JsonObject { ["DEFAULT"] = new JsonObject { ["type"] = "replace", ["new_value"] = "[removed]" } },
        };
        var (response, body) = await fixture.PostAsync("/anonymize", request.ToJsonString(), fixture.ServiceKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ticket [removed] for Bond", body!["text"]!.GetValue<string>());
        var item = Assert.Single(body["items"]!.AsArray())!;
        Assert.Equal("replace", item["operator"]!.GetValue<string>());
        Assert.Equal("TICKET_ID", item["entity_type"]!.GetValue<string>());
        Assert.Equal(7, item["start"]!.GetValue<int>());
        Assert.Equal(16, item["end"]!.GetValue<int>());
        Assert.Equal("[removed]", item["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task EncryptThenDeanonymize_RestoresTheText()
    {
        const string key = "WmZq4t7w!z%C&F)J";
        var (_, anonymized) = await fixture.PostAsync("/anonymize", """
            {"text":"My name is Bond, James Bond","analyzer_results":[{"entity_type":"PERSON","start":11,"end":15,"score":0.8},{"entity_type":"PERSON","start":17,"end":27,"score":0.8}],
             "anonymizers":{"PERSON":{"type":"encrypt","key":"KEY"}}}
            """.Replace("KEY", key, StringComparison.Ordinal));
        var request = new JsonObject
        {
            ["text"] = anonymized!["text"]!.GetValue<string>(),
            ["anonymizer_results"] = anonymized["items"]!.DeepClone(),
            ["deanonymizers"] = new JsonObject { ["DEFAULT"] = new JsonObject { ["type"] = "decrypt", ["key"] = key } },
        };
        var (response, body) = await fixture.PostAsync("/deanonymize", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("My name is Bond, James Bond", body!["text"]!.GetValue<string>());
        Assert.All(body["items"]!.AsArray(), i => Assert.Equal("decrypt", i!["operator"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Deanonymize_ReadsPresidioCiphertext_GivenAsEntities()
    {
        // From Data/presidio-aes-samples.tsv of Steward.Pii.Tests (OpenSSL, Presidio's AESCipher format).
        const string cipher = "AAECAwQFBgcICQoLDA0OD15muEpuVxuYhOdd8jQRAHc=";
        var (response, body) = await fixture.PostAsync("/deanonymize", """
            {"text":"Hi CIPHER!","entities":[{"entity_type":"PERSON","start":3,"end":END}],
             "deanonymizers":{"PERSON":{"type":"decrypt","key":"WmZq4t7w!z%C&F)J"}}}
            """.Replace("CIPHER", cipher, StringComparison.Ordinal).Replace("END", (3 + cipher.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hi Jane Doe!", body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hash_WithASalt_IsStable()
    {
        const string request = """
            {"text":"Jane Doe","analyzer_results":[{"entity_type":"PERSON","start":0,"end":8,"score":0.9}],
             "anonymizers":{"PERSON":{"type":"hash","hash_type":"sha256","salt":"sixteen-byte-salt"}}}
            """;
        var (_, body) = await fixture.PostAsync("/anonymize", request);

        Assert.Equal("ee6e0ef91c1e82ab82ba923da8fe15bf67d07dd4bda491562b23bb184bf847da", body!["text"]!.GetValue<string>());
    }
}
