using Microsoft.AspNetCore.Builder;
using Steward.Cli.Tests.Infrastructure;
using Steward.Server;

namespace Steward.Cli.Tests.EndToEnd;

/// <summary>A real Steward server on Kestrel (loopback, random port) over a temp data directory, shared by a test class.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    public const string AdminKey = "stw_clitests_admin-key-for-tests-only-0123456789";

    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public string DataDirectory => Path.Combine(_temp.Path, "data");

    public string Url { get; private set; } = "";

    public string Scratch(string name) => _temp.File(name);

    public async ValueTask InitializeAsync()
    {
        _app = StewardServer.Build(
            new StewardServerOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = DataDirectory,
                Origin = "cli-tests.example/steward",
                Console = TextWriter.Null,
            },
            [$"--BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    /// <summary>Runs the CLI over the network against this server with the given key (admin by default).</summary>
    public Task<CliRun> RunAsync(string[] args, string apiKey = AdminKey) =>
        CliRun.RunAsync(
            args,
            CliRun.Network,
            new Dictionary<string, string> { ["STEWARD_URL"] = Url, ["STEWARD_API_KEY"] = apiKey });

    /// <summary>Runs the CLI and fails the test unless it succeeded.</summary>
    public async Task<string> OkAsync(string[] args, string apiKey = AdminKey)
    {
        var run = await RunAsync(args, apiKey);
        Assert.True(run.ExitCode == 0, $"steward {string.Join(' ', args)} failed: {run.Error}");
        return run.Out;
    }

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
