namespace Steward.Probes;

/// <summary>What a probe run did, whatever it found.</summary>
/// <param name="Kind">classifier or llm.</param>
/// <param name="Endpoint">The endpoint probed.</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Errors">Requests that failed (HTTP errors, timeouts, unreadable answers).</param>
/// <param name="ErrorSamples">The first few error messages.</param>
/// <param name="StoppedEarly">Whether the time budget ran out before every probe ran.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Budget">The time budget.</param>
/// <param name="RatePerSecond">The rate limit.</param>
public sealed record ProbeSummary(
    string Kind, string Endpoint, int Requests, int Errors, IReadOnlyList<string> ErrorSamples, bool StoppedEarly,
    TimeSpan Elapsed, TimeSpan Budget, double RatePerSecond);

/// <summary>A finding the run proposes; the CLI records it through the API.</summary>
/// <param name="Title">One line.</param>
/// <param name="Description">What got through, with redacted excerpts.</param>
/// <param name="Severity">critical, high, medium, low or info.</param>
/// <param name="Atlas">MITRE ATLAS technique ids.</param>
/// <param name="OwaspLlm">OWASP LLM ids.</param>
/// <param name="Source">probe:classifier or probe:llm.</param>
public sealed record ProposedFinding(
    string Title, string Description, string Severity, IReadOnlyList<string> Atlas, IReadOnlyList<string> OwaspLlm, string Source);

/// <summary>How far a run is: requests answered or failed so far, and how many the run plans to send.</summary>
/// <param name="Done">Requests finished (answered or failed).</param>
/// <param name="Planned">Requests the run would send without a budget.</param>
public sealed record ProbeProgress(int Done, int Planned);
