namespace Steward.Ledger.Verification;

/// <summary>The outcome of verifying a whole ledger offline.</summary>
/// <param name="Ok">True when no problem was found.</param>
/// <param name="Size">Number of entries read.</param>
/// <param name="RootHash">RFC 6962 root over the entries read, in the order given (the log root when <paramref name="Ok"/>).</param>
/// <param name="FirstBadIndex">Index of the first entry found wrong, or (for a checkpoint mismatch) the first entry that may have changed; null when none or when the problem has no index.</param>
/// <param name="Problem">One sentence about the first problem found; null when <paramref name="Ok"/>.</param>
/// <param name="CheckpointsVerified">Checkpoints whose signature and origin verified.</param>
/// <param name="LargestCheckpointSize">Largest size among verified checkpoints (0 when none).</param>
public sealed record LedgerVerificationReport(
    bool Ok,
    long Size,
    byte[] RootHash,
    long? FirstBadIndex,
    string? Problem,
    int CheckpointsVerified,
    long LargestCheckpointSize);
