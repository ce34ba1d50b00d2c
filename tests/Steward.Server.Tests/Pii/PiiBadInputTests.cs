using System.Net;

namespace Steward.Server.Tests.Pii;

public sealed class PiiBadInputTests(PiiServerFixture fixture) : IClassFixture<PiiServerFixture>
{
    [Theory]
    [InlineData("/analyze", "{\"text\": \"abc\", ", "malformed JSON")]
    [InlineData("/analyze", "[1, 2]", "must be a JSON object")]
    [InlineData("/analyze", "{\"language\":\"en\"}", "No text provided")]
    [InlineData("/analyze", "{\"text\":[],\"language\":\"en\"}", "No text provided")]
    [InlineData("/analyze", "{\"text\":\"abc\"}", "'language' is required")]
    [InlineData("/analyze", "{\"text\":42,\"language\":\"en\"}", "'text' must be a list of strings")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"entites\":[\"PERSON\"]}", "unknown field 'entites'")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"score_threshold\":\"high\"}", "'score_threshold' must be a number")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"score_threshold\":1.5}", "'score_threshold' must be between 0 and 1")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"allow_list_match\":\"fuzzy\"}", "'allow_list_match' must be 'exact' or 'regex'")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"ad_hoc_recognizers\":[{\"name\":\"x\",\"patterns\":[{\"name\":\"p\",\"regex\":\"a\",\"score\":0.5}]}]}", "'supported_entity' is required")]
    [InlineData("/analyze", "{\"text\":\"abc\",\"language\":\"en\",\"ad_hoc_recognizers\":[{\"supported_entity\":\"X\",\"patterns\":[{\"name\":\"p\",\"regex\":\"a\",\"score\":7}]}]}", "score must be between 0 and 1")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[{\"entity_type\":\"X\",\"start\":0,\"end\":9,\"score\":1}]}", "text length is only 3")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[{\"entity_type\":\"X\",\"start\":2,\"end\":1,\"score\":1}]}", "must be smaller than end index")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[{\"entity_type\":\"X\",\"start\":0,\"end\":1}]}", "every result needs 'score'")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"mask\",\"masking_char\":\"ab\",\"chars_to_mask\":1}}}", "masking_char must be exactly one character")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"hash\",\"salt\":\"short\"}}}", "salt must be at least 16 bytes")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"encrypt\",\"key\":\"too-short\"}}}", "key must be of length 128, 192 or 256 bits")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"fpe\"}}}", "unknown anonymizer 'fpe'")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"mask\",\"masking_char\":\"*\",\"chars_to_mask\":\"all\"}}}", "'chars_to_mask' must be an integer")]
    [InlineData("/anonymize", "{\"text\":\"abc\",\"analyzer_results\":[],\"anonymizers\":{\"X\":{\"type\":\"replace\",\"new_valeu\":\"y\"}}}", "unknown field 'new_valeu'")]
    [InlineData("/deanonymize", "{\"text\":\"abc\",\"anonymizer_results\":[{\"entity_type\":\"X\",\"start\":0,\"end\":3}]}", "'deanonymizers' is required")]
    [InlineData("/deanonymize", "{\"text\":\"abc\",\"anonymizer_results\":[{\"entity_type\":\"X\",\"start\":0,\"end\":3}],\"deanonymizers\":{\"X\":{\"type\":\"decrypt\",\"key\":\"WmZq4t7w!z%C&F)J\"}}}", "decrypt:")]
    [InlineData("/api/v1/pii/analyze", "{\"text\":\"abc\",\"language\":\"en\"}", "unknown field 'text'")]
    [InlineData("/analyze", "{\"text\":\"a\\ud800b\",\"language\":\"en\"}", "not valid Unicode")]
    [InlineData("/analyze", "{\"text\":[\"ok\",\"\\udfff\"],\"language\":\"en\"}", "not valid Unicode")]
    public async Task BadRequests_AreProblemDetailsWithPresidiosError(string path, string json, string message)
    {
        var (response, _) = await fixture.PostAsync(path, json);
        var error = await PiiServerFixture.ErrorAsync(response, 400);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAdHocRegex_Is400WithTheRegexError()
    {
        var (response, _) = await fixture.PostAsync("/analyze",
            """{"text":"abc","language":"en","ad_hoc_recognizers":[{"name":"broken","supported_entity":"X","patterns":[{"name":"p","regex":"(unclosed","score":0.5}]}]}""");
        var error = await PiiServerFixture.ErrorAsync(response, 400);
        Assert.Contains("invalid regex '(unclosed'", error, StringComparison.Ordinal);
        Assert.Contains("ad_hoc_recognizers[0]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLanguageOrEntity_Is400WithTheSupportedList()
    {
        var (language, _) = await fixture.PostAsync("/analyze", """{"text":"abc","language":"xx"}""");
        var (entity, _) = await fixture.PostAsync("/analyze", """{"text":"abc","language":"en","entities":["SHOE_SIZE"]}""");
        var (listing, _) = await fixture.PostAsync("/analyze", """{"text":"abc","language":"en","entities":["SHOE_SIZE"]}""");
        using var client = fixture.Server.Client();
        var recognizers = await client.GetAsync("/recognizers?language=xx");

        Assert.Contains("language 'xx' is not supported; supported: en", await PiiServerFixture.ErrorAsync(language, 400), StringComparison.Ordinal);
        var entityError = await PiiServerFixture.ErrorAsync(entity, 400);
        Assert.Contains("SHOE_SIZE", entityError, StringComparison.Ordinal);
        Assert.Contains("supported:", entityError, StringComparison.Ordinal);
        Assert.Contains("TICKET_ID", entityError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, listing.StatusCode);
        Assert.Contains("supported: en", await PiiServerFixture.ErrorAsync(recognizers, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeBodies_Are413()
    {
        var big = new string('a', 70_000);
        var (response, _) = await fixture.PostAsync("/analyze", $$"""{"text":"{{big}}","language":"en"}""");
        var error = await PiiServerFixture.ErrorAsync(response, 413);
        Assert.Contains("65536 bytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_IsRefused()
    {
        using var client = fixture.Server.Client();
        var body = new ByteArrayContent([.. "{\"text\":\"a"u8, 0xC3, 0x28, .. "\",\"language\":\"en\"}"u8]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("/analyze", body);
        Assert.Contains("not valid UTF-8", await PiiServerFixture.ErrorAsync(response, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyTexts_AreRefused()
    {
        var texts = string.Join(',', Enumerable.Repeat("\"x\"", 51));
        var (response, _) = await fixture.PostAsync("/analyze", $$"""{"text":[{{texts}}],"language":"en"}""");
        Assert.Contains("at most 50 texts", await PiiServerFixture.ErrorAsync(response, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonJsonContentType_IsRefused()
    {
        using var client = fixture.Server.Client();
        var response = await client.PostAsync("/analyze", new StringContent("text=abc", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Contains("application/json", await PiiServerFixture.ErrorAsync(response, 415), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/analyze")]
    [InlineData("POST", "/anonymize")]
    [InlineData("POST", "/deanonymize")]
    [InlineData("GET", "/recognizers")]
    [InlineData("GET", "/supportedentities")]
    [InlineData("GET", "/anonymizers")]
    [InlineData("GET", "/deanonymizers")]
    [InlineData("POST", "/api/v1/pii/analyze")]
    public async Task EveryRoute_RequiresAnApiKey(string method, string path)
    {
        using var anonymous = fixture.Server.Client(key: null);
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = StewardTestServer.Json("""{"text":"TCK-123456","language":"en"}""") });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Theory]
    [InlineData("/analyze", """{"text":"TCK-123456","language":"en"}""")]
    [InlineData("/anonymize", """{"text":"abc","analyzer_results":[]}""")]
    [InlineData("/deanonymize", """{"text":"abc","anonymizer_results":[],"deanonymizers":{}}""")]
    [InlineData("/api/v1/pii/analyze", """{"texts":["abc"],"language":"en"}""")]
    public async Task Auditors_MayNotProcessText(string path, string json)
    {
        var (response, _) = await fixture.PostAsync(path, json, fixture.AuditorKey);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }
}
