namespace Steward.Governance.Ledger;

/// <summary>Ledger settings (configuration section <c>Ledger</c>).</summary>
public sealed class LedgerOptions
{
    /// <summary>Checkpoint origin and signing-key name; default: the host name plus <c>/steward</c>.</summary>
    public string? Origin { get; set; }

    /// <summary>Most entries committed in one transaction (group commit).</summary>
    public int MaxBatch { get; set; } = 4096;

    /// <summary>How often a new checkpoint is signed when the tree has grown.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Default of <see cref="ProofCacheLeaves"/>: 4,194,304 entries (at most about 270 MB of hashes).</summary>
    public const long DefaultProofCacheLeaves = 1L << 22;

    /// <summary>Largest tree whose stored levels are mirrored in memory for proofs (0: always read storage).</summary>
    public long ProofCacheLeaves { get; set; } = DefaultProofCacheLeaves;

    /// <summary>The default origin for this machine.</summary>
    public static string DefaultOrigin() => $"{System.Net.Dns.GetHostName().ToLowerInvariant()}/steward";
}
