using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Steward.Cli.Tests.Infrastructure;
using Steward.Server;

namespace Steward.Cli.Tests.Commands.Pii;

/// <summary>A real server whose configuration adds a TICKET_ID recognizer, for <c>steward pii ... --server</c>.</summary>
public sealed class PiiLiveServer : IAsyncLifetime
{
    public const string AdminKey = "stw_piicli_admin-key-for-tests-only-0123456789";
    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _app = StewardServer.Build(
            new StewardServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = _temp.File("data"), Origin = "cli-tests.example/steward", Console = TextWriter.Null },
            [$"--BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning",
             "--Pii:Recognizers:0:Name=TicketRecognizer", "--Pii:Recognizers:0:SupportedEntity=TICKET_ID",
             "--Pii:Recognizers:0:Patterns:0:Name=ticket", @"--Pii:Recognizers:0:Patterns:0:Regex=\bTCK-\d{6}\b", "--Pii:Recognizers:0:Patterns:0:Score=0.6"]);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(args, CliRun.Network, new Dictionary<string, string> { ["STEWARD_URL"] = Url, ["STEWARD_API_KEY"] = AdminKey });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _temp.Dispose();
    }
}

public sealed class PiiServerModeTests(PiiLiveServer server) : IClassFixture<PiiLiveServer>
{
    [Fact]
    public async Task Analyze_OnTheServer()
    {
        var run = await server.RunAsync("pii", "analyze", "--server", "--text", "close TCK-123456", "--explain", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var result = Assert.Single(JsonNode.Parse(run.Out)!.AsArray())!;
        Assert.Equal(6, result["start"]!.GetValue<int>());
        Assert.Equal("TicketRecognizer", result["recognition_metadata"]!["recognizer_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymize_OnTheServer()
    {
        var run = await server.RunAsync("pii", "anonymize", "--server", "--text", "close TCK-123456", "--operator", "TICKET_ID=redact");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("close ", run.Out.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task ServerErrors_AreOneLine()
    {
        (await server.RunAsync("pii", "analyze", "--server", "--text", "a", "--entities", "SHOE_SIZE")).AssertOneErrorLine("SHOE_SIZE");
        (await server.RunAsync("pii", "anonymize", "--server", "--text", "TCK-123456", "--operator", "DEFAULT=encrypt:key=short")).AssertOneErrorLine("key must be of length");
    }
}
