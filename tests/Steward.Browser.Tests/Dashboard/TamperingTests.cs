using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Steward.Browser.Tests.Infrastructure;
using Steward.Ledger.Merkle;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>Storage altered behind the server's back must be reported loudly, not shown as verified.</summary>
public sealed class TamperingTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AlteredEntries_FailVerification_Loudly()
    {
        await using var server = await StewardServerHost.StartAsync();
        var system = await server.PostAsync("/api/v1/systems", new { name = "loan-pricing", owner = "pricing@example.com", risk_tier = "high" });
        await server.PostAsync("/api/v1/models", new { name = "pricing-glm", owner = "pricing@example.com" });
        var key = await server.CreateKeyAsync("auditor@example.com", "auditor");
        await SignCheckpointAsync(server);
        var systemIndex = system["ledger_index"]!.GetValue<long>();
        var modelIndex = systemIndex + 1;
        await using (var connection = await OpenAsync(server))
        {
            // Rewrite the owner and re-hash consistently: only the signed root can tell.
            var leaf = await ReadLeafAsync(connection, systemIndex);
            var forged = Encoding.UTF8.GetBytes(leaf.Replace("pricing@example.com", "mallory@example.com", StringComparison.Ordinal));
            await ExecuteAsync(connection, "UPDATE ledger_entries SET leaf = @leaf, leaf_hash = @hash WHERE idx = @idx",
                ("@leaf", forged), ("@hash", MerkleHash.HashLeaf(forged)), ("@idx", systemIndex));
            // Rewrite the model entry's bytes only: they no longer match the stored leaf hash.
            var model = await ReadLeafAsync(connection, modelIndex);
            await ExecuteAsync(connection, "UPDATE ledger_entries SET leaf = @leaf WHERE idx = @idx",
                ("@leaf", Encoding.UTF8.GetBytes(model.Replace("pricing-glm", "pricing-xgb", StringComparison.Ordinal))), ("@idx", modelIndex));
        }

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, key, start: "/ui/audit");

            await Expect(page.Locator("#verification-summary")).ToHaveAttributeAsync("role", "alert");
            // Entries: what start-up records (bootstrap key, seeded gate policy, shipped assessment template), then the
            // system (forged and re-hashed), the model (bytes changed) and the auditor key. The entry before the system is
            // its sibling in the tree (the system's index is odd), so the forgery breaks that entry's proof too.
            Assert.Equal(1, systemIndex % 2);
            var total = systemIndex + 3;
            await Expect(page.Locator("#verification-summary")).ToContainTextAsync($"3 of {total} entries on this page FAILED verification.");
            await Expect(page.Locator("tr.entry.entry-failed")).ToHaveCountAsync(3);
            var proofDoesNotLead = new Regex($"^Verification FAILED: the inclusion proof does not lead to the root hash signed in checkpoint {total}$");
            await Expect(page.Locator($"#entry-{systemIndex} .proof-failed .proof-text")).ToHaveTextAsync(proofDoesNotLead);
            await Expect(page.Locator($"#entry-{systemIndex - 1} .proof-failed .proof-text")).ToHaveTextAsync(proofDoesNotLead);
            await Expect(page.Locator($"#entry-{modelIndex} .proof-failed .proof-text")).ToHaveTextAsync(
                "Verification FAILED: the entry's bytes do not hash to its stored leaf hash");
            await Expect(page.Locator($"#entry-{systemIndex} td[data-label='Summary']")).ToContainTextAsync("mallory@example.com");
            await Expect(page.Locator($"#entry-{modelIndex + 1} .proof-verified")).ToHaveCountAsync(1);
        }, server);
    }

    [Fact]
    public async Task AlteredCheckpoint_FailsVerification_Loudly()
    {
        await using var server = await StewardServerHost.StartAsync();
        var key = await server.CreateKeyAsync("auditor@example.com", "auditor");
        await SignCheckpointAsync(server);
        await using (var connection = await OpenAsync(server))
        {
            // Claim a different root under the existing signature: the signature no longer verifies.
            await ExecuteAsync(connection,
                "UPDATE ledger_checkpoints SET note = @note WHERE size = (SELECT MAX(size) FROM ledger_checkpoints)",
                ("@note", await ForgedNoteAsync(connection)));
        }

        await fixture.RunAsync(async page =>
        {
            await DashboardFixture.SignInAsync(page, key, start: "/ui/audit");

            await Expect(page.Locator(".checkpoint.failed .proof-failed")).ToContainTextAsync("Signature or content FAILED verification");
            await Expect(page.Locator(".checkpoint [role='alert']")).ToContainTextAsync("The latest checkpoint cannot be trusted: invalid signature for key");
            var entries = page.Locator("tr.entry");
            await Expect(entries.Locator(".proof-failed")).ToHaveCountAsync(await entries.CountAsync());
            await Expect(entries.First.Locator(".proof-text")).ToHaveTextAsync("Not verified: the latest checkpoint failed verification");
        }, server);
    }

    /// <summary>Has the server sign a checkpoint of the current tree (GET signs one when the tree has grown).</summary>
    private static async Task SignCheckpointAsync(StewardServerHost server)
    {
        using var client = server.Client();
        Assert.StartsWith(StewardServerHost.Origin + "\n", await client.GetStringAsync("/api/v1/ledger/checkpoint"), StringComparison.Ordinal);
    }

    private static async Task<string> ForgedNoteAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM ledger_checkpoints ORDER BY size DESC LIMIT 1";
        var note = (string)(await command.ExecuteScalarAsync())!;
        var lines = note.Split('\n');
        lines[2] = Convert.ToBase64String(new byte[32]);
        return string.Join('\n', lines);
    }

    private static async Task<SqliteConnection> OpenAsync(StewardServerHost server)
    {
        var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> ReadLeafAsync(SqliteConnection connection, long index)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT leaf FROM ledger_entries WHERE idx = @idx";
        command.Parameters.AddWithValue("@idx", index);
        return Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync())!);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
