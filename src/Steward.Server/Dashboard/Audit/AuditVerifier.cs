using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Ledger;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Server.Dashboard.Audit;

/// <summary>
/// Checks what the audit trail shows: the latest checkpoint's signature with the log's verifier key, and for each
/// entry that the bytes on screen hash to a leaf whose inclusion proof leads to the signed root.
/// </summary>
internal sealed class AuditVerifier(CheckpointService checkpoints, LedgerReader reader)
{
    /// <summary>The latest signed checkpoint (signing one first if the tree has grown), opened with the log key.</summary>
    public async Task<CheckpointStatus> LatestCheckpointAsync(CancellationToken cancellationToken)
    {
        var stored = await checkpoints.EnsureLatestAsync(cancellationToken);
        var verifierKey = checkpoints.VerifierKey;
        try
        {
            var note = SignedNote.Open(stored.Note, [NoteVerifier.Parse(verifierKey)]);
            var checkpoint = Checkpoint.Parse(note.Text);
            if (checkpoint.Origin != checkpoints.Origin)
                return Failed($"the checkpoint names origin \"{checkpoint.Origin}\", not this log's \"{checkpoints.Origin}\"");
            if (checkpoint.Size != stored.Size)
                return Failed($"the signed tree size {checkpoint.Size} differs from the stored size {stored.Size}");
            return new CheckpointStatus(stored, checkpoint, note.Verified.Select(s => s.Name).Distinct().ToList(), verifierKey, null);
        }
        catch (Exception e) when (e is NoteException or FormatException)
        {
            return Failed(e.Message);
        }

        CheckpointStatus Failed(string reason) => new(stored, null, [], verifierKey, reason, Claimed(stored.Note));
    }

    /// <summary>What an untrusted note says, for display next to the failure; null if it is not even a checkpoint.</summary>
    private static Checkpoint? Claimed(string note)
    {
        try
        {
            return Checkpoint.TryParse(SignedNote.Parse(System.Text.Encoding.UTF8.GetBytes(note)).Text, out var claimed) ? claimed : null;
        }
        catch (NoteException)
        {
            return null;
        }
    }

    /// <summary>Checks one entry against the checkpoint.</summary>
    /// <param name="entry">The entry as read from storage.</param>
    /// <param name="envelope">The entry's bytes parsed as JSON, or null if they are not JSON.</param>
    /// <param name="status">The latest checkpoint.</param>
    /// <param name="cancellationToken">Cancels the proof query.</param>
    public async Task<EntryProof> VerifyAsync(LedgerEntry entry, JsonObject? envelope, CheckpointStatus status, CancellationToken cancellationToken)
    {
        var leafHash = MerkleHash.HashLeaf(entry.Leaf);
        if (status.Checkpoint is not { } checkpoint)
            return new EntryProof(ProofState.Failed, "Not verified: the latest checkpoint failed verification", leafHash, null, []);
        if (entry.Index >= checkpoint.Size)
            return new EntryProof(ProofState.NotCovered, "Not yet covered by a signed checkpoint", leafHash, null, []);
        if (!leafHash.AsSpan().SequenceEqual(entry.LeafHash))
            return Failed("the entry's bytes do not hash to its stored leaf hash", null, []);
        if (envelope?["index"] is not JsonValue claimed || !claimed.TryGetValue<long>(out var claimedIndex) || claimedIndex != entry.Index)
            return Failed($"the entry does not name index {entry.Index}, where it is stored", null, []);

        LedgerProof proof;
        try
        {
            proof = await reader.InclusionProofAsync(entry.Index, checkpoint.Size, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or GovernanceException)
        {
            return Failed($"no inclusion proof could be built ({e.Message})", null, []);
        }
        var signer = status.SignedBy.FirstOrDefault() ?? checkpoint.Origin;
        return MerkleVerifier.VerifyInclusion(entry.Index, checkpoint.Size, leafHash, proof.Hashes, checkpoint.RootHash)
            ? new EntryProof(ProofState.Verified,
                $"Included in checkpoint of size {checkpoint.Size}, signed by {signer} (signature and proof verified)",
                leafHash, proof.TreeSize, proof.Hashes)
            : Failed($"the inclusion proof does not lead to the root hash signed in checkpoint {checkpoint.Size}", proof.TreeSize, proof.Hashes);

        EntryProof Failed(string reason, long? size, IReadOnlyList<byte[]> hashes) =>
            new(ProofState.Failed, $"Verification FAILED: {reason}", leafHash, size, hashes);
    }
}
