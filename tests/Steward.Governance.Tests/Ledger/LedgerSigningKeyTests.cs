using Steward.Governance.Ledger;

namespace Steward.Governance.Tests.Ledger;

public sealed class LedgerSigningKeyTests
{
    [Fact]
    public async Task ConcurrentFirstStarts_AllEndUpWithTheSameKey_StoredOwnerOnly()
    {
        // Twenty rounds: the race it guards against (two starts each installing a key) showed once in many CI runs.
        for (var round = 0; round < 20; round++)
        {
            var directory = Directory.CreateTempSubdirectory("steward-key-").FullName;
            using var start = new Barrier(16);
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait(); // on threads of their own: the pool would add blocked workers slowly
                return LedgerSigningKey.LoadOrCreate(directory, "race.example/steward").VerifierKey;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], LedgerSigningKey.ReadVerifier(directory).VerifierKey);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, LedgerSigningKey.PrivateFile)));
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            Assert.Empty(Directory.GetFiles(directory, "*.claim"));
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void KeyOfAnotherOrigin_IsRefused_WithTheFix()
    {
        var directory = Directory.CreateTempSubdirectory("steward-key-").FullName;
        LedgerSigningKey.LoadOrCreate(directory, "a.example/steward");
        var error = Assert.Throws<InvalidOperationException>(() => LedgerSigningKey.LoadOrCreate(directory, "b.example/steward"));
        Assert.Contains("Ledger:Origin", error.Message, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
