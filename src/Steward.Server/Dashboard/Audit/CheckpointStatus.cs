using Steward.Governance.Ledger;
using Steward.Ledger.Notes;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The latest signed checkpoint as stored, and what checking it found.</summary>
/// <param name="Stored">The stored note with its size and signing time.</param>
/// <param name="Checkpoint">The parsed checkpoint when its signature verified with the log key; null on failure.</param>
/// <param name="SignedBy">Names of the keys whose signatures verified.</param>
/// <param name="VerifierKey">The log's verifier key that was used.</param>
/// <param name="Failure">Why the checkpoint could not be trusted, when it could not.</param>
/// <param name="Claimed">On failure, what the note's text claims, if it parses at all (unverified, for display only).</param>
internal sealed record CheckpointStatus(
    SignedCheckpoint Stored, Checkpoint? Checkpoint, IReadOnlyList<string> SignedBy, string VerifierKey, string? Failure,
    Checkpoint? Claimed = null)
{
    public bool Verified => Checkpoint is not null;
}
