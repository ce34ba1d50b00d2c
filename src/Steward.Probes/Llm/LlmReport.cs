namespace Steward.Probes.Llm;

/// <summary>A probe that got through.</summary>
/// <param name="ProbeId">The probe.</param>
/// <param name="Category">Its category.</param>
/// <param name="Detector">What detected it: canary, operator_canary, marker, or pii:KIND.</param>
/// <param name="Excerpt">The part of the answer that gave it away, redacted and shortened.</param>
public sealed record LlmHit(string ProbeId, string Category, string Detector, string Excerpt);

/// <summary>The outcome of an LLM probe run.</summary>
/// <param name="Summary">Requests, errors, time.</param>
/// <param name="ProbesRun">Probes that got an answer, per category.</param>
/// <param name="Hits">Probes that got through.</param>
/// <param name="Findings">One proposed finding per category with hits.</param>
public sealed record LlmReport(ProbeSummary Summary, IReadOnlyDictionary<string, int> ProbesRun, IReadOnlyList<LlmHit> Hits, IReadOnlyList<ProposedFinding> Findings);
