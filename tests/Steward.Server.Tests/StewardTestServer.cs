using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests;

/// <summary>A real Steward server on Kestrel (loopback, random port) over a temp data directory.</summary>
public sealed class StewardTestServer : IAsyncDisposable
{
    public const string AdminKey = "stw_testboot_admin-key-for-tests-only-0123456789";

    private StewardTestServer(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    public static async Task<StewardTestServer> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("steward-server-").FullName;
        var args = new List<string> { $"--BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) args.Add($"--{k}={v}");
        var app = StewardServer.Build(new StewardServerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = directory,
            Origin = "test.example/steward",
            Console = TextWriter.Null,
        }, args.ToArray());
        await app.StartAsync();
        return new StewardTestServer(app, directory, new Uri(app.Urls.First()));
    }

    public HttpClient Client(string? key = AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates an API key with the roles and returns its secret.</summary>
    public async Task<string> KeyAsync(string name, params string[] roles)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    public async Task<long> LedgerSizeAsync()
    {
        using var client = Client();
        var tree = await client.GetFromJsonAsync<JsonObject>("/api/v1/ledger/tree");
        return tree!["size"]!.GetValue<long>();
    }

    public async Task<JsonObject> RegisterSystemAsync(string name, string? key = AdminKey)
    {
        using var client = Client(key);
        var response = await client.PostAsJsonAsync("/api/v1/systems",
            new { name, purpose = "credit decisions", owner = "risk@example.com", business_unit = "retail", risk_tier = "high" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");

    public static JsonSerializerOptions SnakeCase { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
