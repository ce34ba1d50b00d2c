namespace Steward.Client;

/// <summary>Records a red-team finding: <c>POST /api/v1/redteam/findings</c>.</summary>
public sealed record RecordFindingRequest
{
    /// <summary>The affected system.</summary>
    public required string SystemId { get; init; }

    /// <summary>The exercise (of the same system) it was found in, if any.</summary>
    public string? ExerciseId { get; init; }

    /// <summary>One line.</summary>
    public required string Title { get; init; }

    /// <summary>What was found and how to reproduce it.</summary>
    public required string Description { get; init; }

    /// <summary>critical, high, medium, low or info.</summary>
    public required string Severity { get; init; }

    /// <summary>MITRE ATLAS technique ids, e.g. AML.T0043 or AML.T0024.001; unknown ids are refused.</summary>
    public IReadOnlyList<string>? Atlas { get; init; }

    /// <summary>OWASP Top 10 for LLM Applications ids, LLM01 to LLM10.</summary>
    public IReadOnlyList<string>? OwaspLlm { get; init; }

    /// <summary>Links and/or SHA-256 digests of the evidence.</summary>
    public IReadOnlyList<Evidence>? Evidence { get; init; }

    /// <summary>manual (the server's default), probe:classifier or probe:llm.</summary>
    public string? Source { get; init; }
}
