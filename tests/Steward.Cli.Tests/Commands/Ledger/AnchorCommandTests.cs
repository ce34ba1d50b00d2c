using Steward.Cli.Commands.Ledger;
using Steward.Cli.Infrastructure;
using Steward.Cli.Tests.Infrastructure;
using Steward.Ledger.Notes;

namespace Steward.Cli.Tests.Commands.Ledger;

/// <summary><c>steward ledger anchor --git DIR</c> against a stub log.</summary>
public sealed class AnchorCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeLog _log = new();

    private string Repo => _temp.File("anchor");

    [Fact]
    public async Task FirstAnchor_InitializesRepo_CommitsCheckpointAndPinsKey()
    {
        _log.Append("a", "b", "c");
        _log.Publish();

        var run = await AnchorAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var head = await GitAsync("rev-parse", "HEAD");
        Assert.Equal(head, run.Out.Trim().Split('\n')[^1]);
        Assert.Equal(_log.Signer.VerifierKey, (await File.ReadAllTextAsync(Path.Combine(Repo, "verifier.key"), TestContext.Current.CancellationToken)).Trim());
        var anchored = Checkpoint.Open(
            await File.ReadAllTextAsync(Path.Combine(Repo, "checkpoints", "3.txt"), TestContext.Current.CancellationToken), _log.Signer.Verifier);
        Assert.Equal(_log.Root(3), anchored.RootHash);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 7)]
    [InlineData(4, 8)]
    [InlineData(6, 13)]
    public async Task LaterAnchor_ProvenConsistent_AddsACommit(int first, int second)
    {
        _log.Append([.. Enumerable.Range(0, first).Select(i => $"leaf {i}")]);
        _log.Publish();
        Assert.Equal(0, (await AnchorAsync()).ExitCode);
        _log.Append([.. Enumerable.Range(first, second - first).Select(i => $"leaf {i}")]);
        _log.Publish();

        var run = await AnchorAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2", await GitAsync("rev-list", "--count", "HEAD"));
        var all = await AnchorRepository.ReadAllCheckpointsAsync(Repo, TestContext.Current.CancellationToken);
        Assert.Equal([first, second], all.Select(c => Checkpoint.Open(c, _log.Signer.Verifier).Size).Order());
    }

    [Fact]
    public async Task RewrittenLog_IsRefusedLoudly_AndNothingIsCommitted()
    {
        _log.Append("a", "b");
        _log.Publish();
        await AnchorAsync();
        _log.Append("c");
        _log.Publish(forgedRoot: _log.Root(1)); // a root that does not extend the anchored tree

        var run = await AnchorAsync();

        run.AssertOneErrorLine("LEDGER REWRITTEN");
        Assert.Contains("consistency proof fails", run.Error, StringComparison.Ordinal);
        Assert.Equal("1", await GitAsync("rev-list", "--count", "HEAD"));
    }

    [Fact]
    public async Task ShrunkLog_IsRefused()
    {
        _log.Append("a", "b", "c");
        _log.Publish();
        await AnchorAsync();
        var shorter = new FakeLog { Signer = _log.Signer };
        shorter.Append("a");
        shorter.Publish();

        var run = await CliRun.RunAsync(["ledger", "anchor", "--git", Repo, "--api-key", "k"], shorter.Stub);

        run.AssertOneErrorLine("the log shrank");
    }

    [Fact]
    public async Task ChangedLogKey_IsRefused()
    {
        _log.Append("a");
        _log.Publish();
        await AnchorAsync();
        _log.Signer = NoteSigner.Generate(_log.Origin);
        _log.Publish();

        var run = await AnchorAsync();

        run.AssertOneErrorLine("LOG KEY CHANGED");
    }

    [Fact]
    public async Task CheckpointWithBadSignature_IsRefused()
    {
        _log.Append("a");
        _log.Publish();
        _log.Stub.OnText("/api/v1/ledger/key", NoteSigner.Generate(_log.Origin).VerifierKey);

        var run = await AnchorAsync();

        run.AssertOneErrorLine("does not verify with the log key");
        Assert.False(Directory.Exists(Repo));
    }

    [Fact]
    public async Task VerifyAnchor_OnAFolderThatIsNotARepo_Fails()
    {
        var run = await CliRun.RunAsync(["ledger", "verify", "--file", "x", "--anchor", _temp.Path]);
        run.AssertOneErrorLine("is not a git repository");
    }

    [Fact]
    public async Task Anchor_SignsTheCommit_WhenGitHasASigningKey()
    {
        if (!File.Exists("/usr/bin/ssh-keygen"))
            Requirements.Unavailable("ssh-keygen (openssh-client) is needed to make a git signing key");
        var key = _temp.File("signing");
        var keygen = System.Diagnostics.Process.Start("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "anchor@test", "-f", key])!;
        await keygen.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, keygen.ExitCode);
        Directory.CreateDirectory(Repo);
        await GitAsync("init", "--quiet");
        await GitAsync("config", "gpg.format", "ssh");
        await GitAsync("config", "user.signingkey", key);
        await File.WriteAllTextAsync(_temp.File("allowed"), $"anchor@test {(await File.ReadAllTextAsync(key + ".pub", TestContext.Current.CancellationToken)).Trim()}\n", TestContext.Current.CancellationToken);
        await GitAsync("config", "gpg.ssh.allowedSignersFile", _temp.File("allowed"));
        _log.Append("a", "b");
        _log.Publish();

        var run = await AnchorAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("BEGIN SSH SIGNATURE", await GitAsync("cat-file", "commit", "HEAD"), StringComparison.Ordinal);
        Assert.Equal("G", await GitAsync("log", "-1", "--format=%G?"));
    }

    public void Dispose() => _temp.Dispose();

    private Task<CliRun> AnchorAsync() => CliRun.RunAsync(["ledger", "anchor", "--git", Repo, "--api-key", "k"], _log.Stub);

    private async Task<string> GitAsync(params string[] args) =>
        (await Git.CheckAsync(Repo, args, TestContext.Current.CancellationToken)).Text;
}
