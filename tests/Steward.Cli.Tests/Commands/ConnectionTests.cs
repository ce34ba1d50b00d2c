using Steward.Cli.Tests.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Tests.Commands;

/// <summary>Where the server URL and API key come from: option, then environment, then config file.</summary>
public sealed class ConnectionTests
{
    private static readonly Identity Me = new("usr_1", "person", "alice", ["admin"]);

    [Fact]
    public async Task ConfigFile_SuppliesUrlAndKey()
    {
        using var temp = new TempDirectory();
        var config = temp.File("config.json");
        await File.WriteAllTextAsync(
            config, """{"url":"http://from-config.invalid:9000","api_key":"stw_config_key"}""", TestContext.Current.CancellationToken);
        var stub = new StubHandler().OnJson(HttpMethod.Get, "/api/v1/me", Me);

        var run = await CliRun.RunAsync(["me"], stub, new Dictionary<string, string> { ["STEWARD_CONFIG"] = config });

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("http://from-config.invalid:9000/api/v1/me", request.Uri.ToString());
        Assert.Equal("Bearer stw_config_key", request.Authorization);
    }

    [Fact]
    public async Task Environment_BeatsConfig_AndOptionsBeatEnvironment()
    {
        using var temp = new TempDirectory();
        var config = temp.File("config.json");
        await File.WriteAllTextAsync(
            config, """{"url":"http://from-config.invalid","api_key":"stw_config_key"}""", TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["STEWARD_CONFIG"] = config,
            ["STEWARD_URL"] = "http://from-env.invalid",
            ["STEWARD_API_KEY"] = "stw_env_key",
        };
        var stub = new StubHandler().OnJson(HttpMethod.Get, "/api/v1/me", Me);

        await CliRun.RunAsync(["me"], stub, environment);
        await CliRun.RunAsync(["me", "--url", "http://from-option.invalid/prefix", "--api-key", "stw_option_key"], stub, environment);

        Assert.Equal("http://from-env.invalid/api/v1/me", stub.Requests[0].Uri.ToString());
        Assert.Equal("Bearer stw_env_key", stub.Requests[0].Authorization);
        Assert.Equal("http://from-option.invalid/prefix/api/v1/me", stub.Requests[1].Uri.ToString());
        Assert.Equal("Bearer stw_option_key", stub.Requests[1].Authorization);
    }

    [Fact]
    public async Task NoUrlAnywhere_UsesTheDefault()
    {
        var stub = new StubHandler().OnJson(HttpMethod.Get, "/api/v1/me", Me);
        await CliRun.RunAsync(["me", "--api-key", "k"], stub);
        Assert.Equal("http://localhost:5080/api/v1/me", Assert.Single(stub.Requests).Uri.ToString());
    }

    [Fact]
    public async Task Json_PrintsTheAnswerInWireNames()
    {
        var stub = new StubHandler().OnJson(HttpMethod.Get, "/api/v1/me", Me);
        var run = await CliRun.RunAsync(["me", "--api-key", "k", "--json"], stub);
        Assert.Equal(0, run.ExitCode);
        var printed = System.Text.Json.JsonSerializer.Deserialize<Identity>(run.Out, StewardJson.Options)!;
        Assert.Equal((Me.Id, Me.Kind, Me.Name), (printed.Id, printed.Kind, printed.Name));
        Assert.Equal(Me.Roles, printed.Roles);
        Assert.Contains("\"roles\"", run.Out, StringComparison.Ordinal);
    }
}
