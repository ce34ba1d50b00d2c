using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Steward.Governance.Storage;
using Steward.Server;

namespace Steward.Browser.Tests.Infrastructure;

/// <summary>A real Steward server on Kestrel (loopback, random port) over a temporary data directory, seeded through its HTTP API.</summary>
public sealed class StewardServerHost : IAsyncDisposable
{
    public const string AdminKey = "stw_browser0_admin-key-for-browser-tests-only-0123456789";
    public const string Origin = "browser-tests.example/steward";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private StewardServerHost(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>The SQLite file the server writes (for tampering tests).</summary>
    public string DatabaseFile => SqliteDatabase.FileIn(DataDirectory);

    public static async Task<StewardServerHost> StartAsync(string urls = "http://127.0.0.1:0", params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("steward-browser-").FullName;
        var app = StewardServer.Build(new StewardServerOptions
        {
            Urls = urls,
            DataDirectory = directory,
            Origin = Origin,
            Console = TextWriter.Null,
        }, [$"--BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        return new StewardServerHost(app, directory, new Uri(app.Urls.First()));
    }

    public HttpClient Client(string key = AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>POSTs a snake_case JSON body and returns the answer, failing the test on any non-2xx status.</summary>
    public async Task<JsonObject> PostAsync(string path, object body, string key = AdminKey)
    {
        using var client = Client(key);
        using var response = await client.PostAsJsonAsync(path, body, SnakeCase);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject> PatchAsync(string path, object body, string key = AdminKey)
    {
        using var client = Client(key);
        using var response = await client.PatchAsJsonAsync(path, body, SnakeCase);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PATCH {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Creates an API key with the roles and returns its secret.</summary>
    public async Task<string> CreateKeyAsync(string name, params string[] roles) =>
        (await PostAsync("/api/v1/api-keys", new { name, roles }))["key"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
