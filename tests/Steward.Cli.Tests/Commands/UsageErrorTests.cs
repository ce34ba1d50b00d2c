using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands;

/// <summary>Bad command lines fail before anything is sent: exit 1 and one line on stderr.</summary>
public sealed class UsageErrorTests
{
    private static readonly string[] Connection = ["--url", "http://stub.invalid", "--api-key", "stw_test_key"];

    [Fact]
    public async Task NoCommand_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync([]);
        run.AssertOneErrorLine("'steward' needs a command: serve, system, model");
    }

    [Fact]
    public async Task UnknownCommand_FailsWithOneLine()
    {
        var run = await CliRun.RunAsync(["frobnicate"]);
        run.AssertOneErrorLine("unknown command 'frobnicate' for 'steward'");
    }

    [Fact]
    public async Task GroupWithoutCommand_ListsItsCommands()
    {
        var run = await CliRun.RunAsync(["system"]);
        run.AssertOneErrorLine("'steward system' needs a command: register, list, show, update");
    }

    [Fact]
    public async Task Help_PrintsUsageAndSucceeds()
    {
        var run = await CliRun.RunAsync(["decision", "record", "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--sign-key", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task DecisionRecord_MissingRequiredOptions_NamesOneAndSendsNothing()
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync(["decision", "record", "--type", "waiver", .. Connection], stub);
        run.AssertOneErrorLine("is required");
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("system:")]
    [InlineData(":abc")]
    [InlineData("endpoint:abc")]
    [InlineData("System:abc")]
    public async Task DecisionRecord_BadSubject_Fails(string subject)
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync(RecordArgs(subject: subject), stub);
        run.AssertOneErrorLine("--subject must be KIND:ID");
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("APPROVED")]
    public async Task DecisionRecord_BadOutcome_Fails(string outcome)
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync(RecordArgs(outcome: outcome), stub);
        run.AssertOneErrorLine(outcome);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("Deployment")]
    [InlineData("x")]
    [InlineData("has-dash")]
    public async Task DecisionRecord_BadType_Fails(string type)
    {
        var run = await CliRun.RunAsync(RecordArgs(type: type));
        run.AssertOneErrorLine("--type must match");
    }

    [Fact]
    public async Task DecisionRecord_BadRef_Fails()
    {
        var run = await CliRun.RunAsync([.. RecordArgs(), "--ref", "no-equals-sign"]);
        run.AssertOneErrorLine("--ref must be KEY=VALUE");
    }

    [Fact]
    public async Task DecisionRecord_EvidenceNeitherFileNorUri_Fails()
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync([.. RecordArgs(), "--evidence", "no/such/file.pdf"], stub);
        run.AssertOneErrorLine("--evidence 'no/such/file.pdf' is neither an existing file nor an absolute URI");
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SystemRegister_BadRiskTier_Fails()
    {
        var run = await CliRun.RunAsync(["system", "register", "--name", "n", "--owner", "o", "--risk-tier", "extreme", .. Connection]);
        run.AssertOneErrorLine("extreme");
    }

    [Fact]
    public async Task SystemUpdate_NothingToChange_Fails()
    {
        var run = await CliRun.RunAsync(["system", "update", "sys_1", .. Connection]);
        run.AssertOneErrorLine("nothing to change");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("ten")]
    public async Task List_LimitOutOfRange_Fails(string limit)
    {
        var run = await CliRun.RunAsync(["system", "list", "--limit", limit, .. Connection]);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatasetRegister_ShaAndFileTogether_Fails()
    {
        var run = await CliRun.RunAsync(
            ["dataset", "register", "--name", "d", "--owner", "o", "--sha256", new string('a', 64), "--file", "x", .. Connection]);
        run.AssertOneErrorLine("not both");
    }

    [Fact]
    public async Task DatasetRegister_BadSha_Fails()
    {
        var run = await CliRun.RunAsync(["dataset", "register", "--name", "d", "--owner", "o", "--sha256", "abc", .. Connection]);
        run.AssertOneErrorLine("--sha256 must be 64 hex digits");
    }

    [Fact]
    public async Task ApiKeyCreate_BadExpiry_Fails()
    {
        var run = await CliRun.RunAsync(["apikey", "create", "--name", "ci", "--role", "service", "--expires", "next tuesday", .. Connection]);
        run.AssertOneErrorLine("--expires must be a time");
    }

    [Fact]
    public async Task ApiKeyCreate_ExpiryInThePast_FailsBeforeSending()
    {
        var stub = new StubHandler();
        var run = await CliRun.RunAsync(["apikey", "create", "--name", "ci", "--role", "service", "--expires", "2001-01-01", .. Connection], stub);
        run.AssertOneErrorLine("is in the past");
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ApiKeyCreate_UnknownRole_Fails()
    {
        var run = await CliRun.RunAsync(["apikey", "create", "--name", "ci", "--role", "root", .. Connection]);
        run.AssertOneErrorLine("root");
    }

    [Fact]
    public async Task LedgerVerify_NeedsExactlyOneSource()
    {
        (await CliRun.RunAsync(["ledger", "verify"])).AssertOneErrorLine("exactly one of --data DIR or --file EXPORT");
        (await CliRun.RunAsync(["ledger", "verify", "--data", "a", "--file", "b"])).AssertOneErrorLine("exactly one");
    }

    [Fact]
    public async Task LedgerVerify_KeyWithDataDirectory_Fails()
    {
        var run = await CliRun.RunAsync(["ledger", "verify", "--data", "a", "--key", "k"]);
        run.AssertOneErrorLine("--key pins the key of an export");
    }

    [Fact]
    public async Task Serve_PostgresWithoutConnection_Fails()
    {
        var run = await CliRun.RunAsync(["serve", "--store", "postgres"]);
        run.AssertOneErrorLine("--store postgres needs --connection");
    }

    internal static string[] RecordArgs(
        string type = "deployment_approval", string subject = "system:sys_1", string outcome = "approved") =>
    [
        "decision", "record", "--type", type, "--subject", subject, "--outcome", outcome,
        "--rationale", "fairness review passed", .. Connection,
    ];
}
