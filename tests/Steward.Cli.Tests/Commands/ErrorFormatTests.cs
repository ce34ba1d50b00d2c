using System.Net;
using System.Net.Sockets;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands;

/// <summary>Runtime failures: one <c>error:</c> line naming the cause, exit 1, never a stack trace.</summary>
public sealed class ErrorFormatTests
{
    private static readonly string[] Connection = ["--url", "http://stub.invalid", "--api-key", "stw_test_key"];

    [Fact]
    public async Task UnreachableServer_OneLineNamingTheProblem()
    {
        var port = UnusedLoopbackPort();
        using var network = new SocketsHttpHandler();
        var run = await CliRun.RunAsync(
            ["system", "list", "--url", $"http://127.0.0.1:{port}", "--api-key", "stw_x"], network);
        run.AssertOneErrorLine("cannot reach the server");
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task UnreadableSignKey_FailsBeforeSending()
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync([.. UsageErrorTests.RecordArgs(), "--sign-key", "/nonexistent/key.pem"], stub);
        run.AssertOneErrorLine("cannot read key file /nonexistent/key.pem");
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SignKeyThatIsNotAKey_Fails()
    {
        using var temp = new TempDirectory();
        var file = temp.File("notes.txt");
        await File.WriteAllTextAsync(file, "just some text", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync([.. UsageErrorTests.RecordArgs(), "--sign-key", file]);
        run.AssertOneErrorLine("holds no PEM private key");
    }

    [Fact]
    public async Task SignKeyThatIsAPublicKey_SaysSigningNeedsThePrivateKey()
    {
        using var temp = new TempDirectory();
        var key = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.RunAsync(["key", "generate", "--out", key])).ExitCode);
        var run = await CliRun.RunAsync([.. UsageErrorTests.RecordArgs(), "--sign-key", key + ".pub"]);
        run.AssertOneErrorLine("holds a public key");
    }

    [Fact]
    public async Task NoApiKey_SaysWhereToPutOne()
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync(["system", "list", "--url", "http://stub.invalid"], stub);
        run.AssertOneErrorLine("no API key");
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ApiError_ShowsProblemTitleAndDetail()
    {
        var stub = new StubHandler().On(HttpMethod.Post, "/api/v1/systems", _ => StubHandler.Problem(
            HttpStatusCode.Conflict,
            """{"type":"about:blank","title":"Conflict","status":409,"detail":"a system named credit-scoring exists"}"""));
        var run = await CliRun.RunAsync(
            ["system", "register", "--name", "credit-scoring", "--owner", "a@example.com", "--risk-tier", "high", .. Connection], stub);
        run.AssertOneErrorLine("409 Conflict: a system named credit-scoring exists");
    }

    [Fact]
    public async Task ValidationError_ListsFieldErrorsOnTheSameLine()
    {
        var stub = new StubHandler().On(HttpMethod.Post, "/api/v1/decisions", _ => StubHandler.Problem(
            HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"errors":{"subject":["system sys_1 does not exist"],"rationale":["required","too short"]}}"""));
        var run = await CliRun.RunAsync(UsageErrorTests.RecordArgs(), stub);
        run.AssertOneErrorLine("400 Validation failed (subject: system sys_1 does not exist, rationale: required; too short)");
    }

    [Fact]
    public async Task NonJsonErrorBody_StillOneLine()
    {
        var stub = new StubHandler().On(HttpMethod.Get, "/api/v1/systems/sys_1", _ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>\n<body>bad gateway</body>\n</html>"),
        });
        var run = await CliRun.RunAsync(["system", "show", "sys_1", .. Connection], stub);
        run.AssertOneErrorLine("502 BadGateway");
    }

    [Fact]
    public async Task Unauthorized_WithoutBody_ExplainsTheKey()
    {
        var stub = new StubHandler().On(HttpMethod.Get, "/api/v1/me", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var run = await CliRun.RunAsync(["me", .. Connection], stub);
        run.AssertOneErrorLine("401 Unauthorized: the API key was missing, unknown, expired or revoked");
    }

    [Fact]
    public async Task MalformedConfigFile_OneLine()
    {
        using var temp = new TempDirectory();
        var config = temp.File("config.json");
        await File.WriteAllTextAsync(config, "{ url: nope", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["system", "list"], environment: new Dictionary<string, string> { ["STEWARD_CONFIG"] = config });
        run.AssertOneErrorLine($"config file {config} is not valid JSON");
    }

    [Fact]
    public async Task BadUrl_OneLine()
    {
        var run = await CliRun.RunAsync(["system", "list", "--url", "localhost:5080", "--api-key", "k"]);
        run.AssertOneErrorLine("is not an absolute http:// or https:// URL");
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
