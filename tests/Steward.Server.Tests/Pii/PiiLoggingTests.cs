using Steward.Server.Tests.Tickets;

namespace Steward.Server.Tests.Pii;

public sealed class PiiLoggingTests
{
    [Fact]
    public async Task AnalysedText_NeverReachesTheLogs_EvenAtTraceLevel()
    {
        const string Ssn = "531-21-7351";
        const string Card = "4532276644577020";
        const string Name = "Zorblat Quennington";
        await using var server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        var logs = TicketTestSupport.CaptureLogs(server);
        using var admin = server.Client();
        var text = $"My name is {Name}, SSN {Ssn}, card {Card}";

        var analyze = await admin.PostAsync("/analyze", StewardTestServer.Json($$"""{"text":"{{text}}","language":"en"}"""));
        Assert.True(analyze.IsSuccessStatusCode);
        var results = await analyze.Content.ReadAsStringAsync();
        Assert.Contains("US_SSN", results, StringComparison.Ordinal);
        var anonymize = await admin.PostAsync("/anonymize", StewardTestServer.Json($$"""{"text":"{{text}}","analyzer_results":{{results}}}"""));
        Assert.True(anonymize.IsSuccessStatusCode, await anonymize.Content.ReadAsStringAsync());
        var batch = await admin.PostAsync("/api/v1/pii/analyze", StewardTestServer.Json($$"""{"texts":["{{text}}"],"language":"en","anonymize":true}"""));
        Assert.True(batch.IsSuccessStatusCode, await batch.Content.ReadAsStringAsync());
        // Refused requests carrying the text: an unknown entity, and a malformed body.
        Assert.False((await admin.PostAsync("/analyze", StewardTestServer.Json($$"""{"text":"{{text}}","language":"en","entities":["NOPE"]}"""))).IsSuccessStatusCode);
        Assert.False((await admin.PostAsync("/analyze", StewardTestServer.Json($$"""{"text":"{{text}}","language":"en",}"""))).IsSuccessStatusCode);

        Assert.NotEmpty(logs.Lines); // the capture works: Trace-level lines were written
        foreach (var secret in new[] { Ssn, Card, Name })
            Assert.DoesNotContain(secret, logs.All, StringComparison.Ordinal);
    }
}
