namespace Steward.Pii.Scanning;

/// <summary>Whether a scan passed its rule, and why not.</summary>
/// <param name="Passed">True when no reason was found to fail.</param>
/// <param name="Rule">The rule, in words.</param>
/// <param name="Reasons">Why it failed (empty when it passed).</param>
public sealed record ScanVerdict(bool Passed, string Rule, IReadOnlyList<string> Reasons);
