using System.Text;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;
using Steward.Ledger.Verification;

namespace Steward.Ledger.Tests.Verification;

public sealed class LedgerVerifierTests
{
    [Fact]
    public void Verify_AcceptsAnIntactLedger()
    {
        var ledger = new TestLedger(5000, 0, 7, 4096, 5000);
        var report = ledger.Verify(withNodes: true);
        Assert.True(report.Ok, report.Problem);
        Assert.Null(report.FirstBadIndex);
        Assert.Equal(5000, report.Size);
        Assert.Equal(ledger.Root, report.RootHash);
        Assert.Equal(4, report.CheckpointsVerified);
        Assert.Equal(5000, report.LargestCheckpointSize);
    }

    [Fact]
    public void Verify_AcceptsAnEmptyLedger()
    {
        var report = new TestLedger(0, 0).Verify();
        Assert.True(report.Ok, report.Problem);
        Assert.Equal(MerkleHash.EmptyRoot(), report.RootHash);
    }

    [Fact]
    public void Verify_ReportsIndexOfChangedByte()
    {
        var ledger = new TestLedger(5000, 5000);
        byte[] leaf = ledger.Rows[4321].Leaf.ToArray();
        leaf[^5] ^= 0x01;
        ledger.Replace(4321, leaf, updateStoredHash: false);
        AssertProblem(ledger.Verify(), 4321, "entry 4321 changed");
    }

    [Fact]
    public void Verify_ReportsNonCanonicalEntryEvenWithMatchingStoredHash()
    {
        var ledger = new TestLedger(20, 20);
        ledger.Replace(11, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ledger.Rows[11].Leaf.Span).Replace(",", ", ", StringComparison.Ordinal)), updateStoredHash: true);
        AssertProblem(ledger.Verify(), 11, "entry 11 changed: its content is not canonical JSON");
    }

    [Fact]
    public void Verify_ReportsDeletedEntry()
    {
        var ledger = new TestLedger(20, 20);
        ledger.Rows.RemoveAt(7);
        AssertProblem(ledger.Verify(), 7, "entry 7 is missing: deleted");
    }

    [Fact]
    public void Verify_ReportsSwappedEntries()
    {
        var ledger = new TestLedger(20, 20);
        (ledger.Rows[3], ledger.Rows[4]) = (ledger.Rows[4] with { Index = 3 }, ledger.Rows[3] with { Index = 4 });
        AssertProblem(ledger.Verify(), 3, "entry 3 holds the event of index 4: reordered or inserted");
    }

    [Fact]
    public void Verify_ReportsInsertedEntryWithRenumberedSuccessors()
    {
        var ledger = new TestLedger(20, 20);
        byte[] forged = TestLedger.Event(5, "decision.forged");
        ledger.Rows.Insert(5, new(5, forged, MerkleHash.HashLeaf(forged)));
        for (int i = 6; i < ledger.Rows.Count; i++)
        {
            ledger.Rows[i] = ledger.Rows[i] with { Index = i };
        }

        AssertProblem(ledger.Verify(), 6, "entry 6 holds the event of index 5: reordered or inserted");
        AssertProblem(ledger.Verify(withNodes: true), 4, "stored tree node (level 1, index 2) over entries 4..5");
    }

    [Fact]
    public void Verify_ReportsDuplicatedEntry()
    {
        var ledger = new TestLedger(20, 20);
        ledger.Rows.Insert(5, ledger.Rows[4]);
        AssertProblem(ledger.Verify(), 4, "entry 4 appears again at position 5: duplicate or extra entry");
    }

    [Fact]
    public void Verify_ReportsChangedIndexMember()
    {
        var ledger = new TestLedger(20, 20);
        ledger.Replace(9, TestLedger.Event(12), updateStoredHash: true);
        AssertProblem(ledger.Verify(), 9, "entry 9 holds the event of index 12: reordered or inserted");
    }

    [Fact]
    public void Verify_LocalisesConsistentRewriteWithStoredNodes()
    {
        var ledger = new TestLedger(40, 8, 16, 40);
        ledger.Replace(21, TestLedger.Event(21, "decision.rewritten"), updateStoredHash: true);
        AssertProblem(ledger.Verify(withNodes: true), 20, "stored tree node (level 1, index 10) over entries 20..21");
    }

    [Fact]
    public void Verify_LocalisesConsistentRewriteBetweenCheckpoints()
    {
        var ledger = new TestLedger(40, 8, 16, 40);
        ledger.Replace(21, TestLedger.Event(21, "decision.rewritten"), updateStoredHash: true);
        AssertProblem(ledger.Verify(), 16, "entries up to 40 do not match the signed checkpoint of size 40");
    }

    [Fact]
    public void Verify_ReportsTruncation()
    {
        var ledger = new TestLedger(12, 5, 12);
        ledger.Rows.RemoveRange(9, 3);
        var report = ledger.Verify();
        AssertProblem(report, 9, "log truncated: signed checkpoint covers 12 entries, only 9 present; first missing index 9");
        Assert.Equal(9, report.Size);
    }

    [Fact]
    public void Verify_ReportsCheckpointWithBadSignature()
    {
        var ledger = new TestLedger(12, 5, 12);
        string forged = ledger.Checkpoints[1].Replace("\n12\n", "\n11\n", StringComparison.Ordinal);
        var report = ledger.Verify(checkpoints: [ledger.Checkpoints[0], forged]);
        Assert.False(report.Ok);
        Assert.Null(report.FirstBadIndex);
        Assert.Contains("checkpoint #2 is not a checkpoint signed by the log key", report.Problem, StringComparison.Ordinal);
        Assert.Contains("invalid signature for key", report.Problem, StringComparison.Ordinal);
        Assert.Equal(1, report.CheckpointsVerified);
    }

    [Fact]
    public void Verify_ReportsCheckpointFromAnotherKeyOrOrigin()
    {
        var ledger = new TestLedger(12, 12);
        string otherKey = new Checkpoint(TestLedger.Origin, 12, ledger.Root).Sign(NoteSigner.Generate(TestLedger.Origin));
        Assert.Contains("note has no verifiable signatures", ledger.Verify(checkpoints: [otherKey]).Problem, StringComparison.Ordinal);

        string otherOrigin = new Checkpoint("elsewhere.test/log", 12, ledger.Root).Sign(TestLedger.Key);
        Assert.Contains("is for origin \"elsewhere.test/log\"", ledger.Verify(checkpoints: [otherOrigin]).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PrefersTheLowestIndexWhenSeveralProblemsExist()
    {
        var ledger = new TestLedger(30, 30);
        ledger.Rows.RemoveAt(20);
        byte[] leaf = ledger.Rows[10].Leaf.ToArray();
        leaf[3] ^= 0x20;
        ledger.Replace(10, leaf, updateStoredHash: false);
        Assert.Equal(10, ledger.Verify().FirstBadIndex);
    }

    private static void AssertProblem(LedgerVerificationReport report, long index, string problemStart)
    {
        Assert.False(report.Ok);
        Assert.Equal(index, report.FirstBadIndex);
        Assert.StartsWith(problemStart, report.Problem, StringComparison.Ordinal);
    }
}
