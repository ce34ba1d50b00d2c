using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Pii;

/// <summary>One server for the PII tests, with a configured TICKET_ID recognizer and a small request limit.</summary>
public sealed class PiiServerFixture : IAsyncLifetime
{
    public StewardTestServer Server { get; private set; } = null!;
    public string AuditorKey { get; private set; } = null!;
    public string ServiceKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await StewardTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Pii:MaxRequestBytes"] = "65536",
            ["Pii:MaxBatchTexts"] = "50",
            ["Pii:Recognizers:0:Name"] = "TicketRecognizer",
            ["Pii:Recognizers:0:SupportedEntity"] = "TICKET_ID",
            ["Pii:Recognizers:0:Patterns:0:Name"] = "ticket",
            ["Pii:Recognizers:0:Patterns:0:Regex"] = @"\bTCK-\d{6}\b",
            ["Pii:Recognizers:0:Patterns:0:Score"] = "0.6",
            ["Pii:Recognizers:0:Context:0"] = "ticket",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        AuditorKey = await Server.KeyAsync("auditor@example.com", "auditor");
        ServiceKey = await Server.KeyAsync("pipeline", "service");
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string path, string json, string? key = StewardTestServer.AdminKey)
    {
        using var client = Server.Client(key);
        var response = await client.PostAsync(path, StewardTestServer.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetAsync(string path, string? key = StewardTestServer.AdminKey)
    {
        using var client = Server.Client(key);
        return (await client.GetFromJsonAsync<JsonNode>(path))!;
    }

    /// <summary>Asserts a problem document that also carries Presidio's <c>error</c>; returns the error.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        var error = problem["error"]!.GetValue<string>();
        Assert.Equal(error, problem["detail"]!.GetValue<string>());
        return error;
    }
}
