using Microsoft.Extensions.DependencyInjection;
using Steward.Browser.Tests.Infrastructure;
using Steward.Governance.Ledger;
using Steward.Server.Dashboard.Audit;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>The verdicts behind the audit trail, checked without a browser where the browser cannot set the scene.</summary>
public sealed class AuditVerifierTests
{
    [Fact]
    public async Task EntryNewerThanTheCheckpoint_IsNotYetCovered_OlderEntriesVerify()
    {
        await using var server = await StewardServerHost.StartAsync();
        var verifier = server.App.Services.GetRequiredService<AuditVerifier>();
        var reader = server.App.Services.GetRequiredService<LedgerReader>();
        var checkpoint = await verifier.LatestCheckpointAsync(TestContext.Current.CancellationToken);
        Assert.True(checkpoint.Verified, checkpoint.Failure);
        Assert.Equal([StewardServerHost.Origin], checkpoint.SignedBy);

        var system = await server.PostAsync("/api/v1/systems", new { name = "late-entry", owner = "o@example.com", risk_tier = "minimal" });

        var page = await reader.ListAsync(new LedgerEntryFilter(), null, 10, TestContext.Current.CancellationToken);
        var verdicts = new Dictionary<long, EntryProof>();
        foreach (var entry in page.Items)
            verdicts[entry.Index] = await verifier.VerifyAsync(entry, AuditRow.ParseEnvelope(entry.Leaf), checkpoint, TestContext.Current.CancellationToken);

        var late = verdicts[system["ledger_index"]!.GetValue<long>()];
        Assert.Equal(ProofState.NotCovered, late.State);
        Assert.Equal("Not yet covered by a signed checkpoint", late.Message);
        Assert.Empty(late.Hashes);
        var covered = verdicts.Where(v => v.Key < checkpoint.Stored.Size).Select(v => v.Value).ToList();
        Assert.NotEmpty(covered);
        Assert.All(covered, v => Assert.Equal(
            $"Included in checkpoint of size {checkpoint.Stored.Size}, signed by {StewardServerHost.Origin} (signature and proof verified)", v.Message));
    }
}
