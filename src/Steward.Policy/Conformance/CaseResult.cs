namespace Steward.Policy.Conformance;

/// <summary>The outcome of one conformance case.</summary>
/// <param name="File">The case file, relative to the directory run.</param>
/// <param name="Note">The case's name.</param>
/// <param name="Passed">Whether the outcome matched the expectation.</param>
/// <param name="Reason">Why it failed (expected and actual), or null when it passed.</param>
public sealed record CaseResult(string File, string Note, bool Passed, string? Reason);
