namespace Steward.Client;

/// <summary>Presidio's <c>/analyze</c> request for one text.</summary>
public sealed record PiiAnalyzeRequest
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The language (default <c>en</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Only these entity types; null for all.</summary>
    public IReadOnlyList<string>? Entities { get; init; }

    /// <summary>Drop results scoring below this (0 to 1).</summary>
    public double? ScoreThreshold { get; init; }

    /// <summary>Explain each result (<c>analysis_explanation</c>, <c>recognition_metadata</c>).</summary>
    public bool? ReturnDecisionProcess { get; init; }

    /// <summary>Recognizers for this request only.</summary>
    public IReadOnlyList<PiiAdHocRecognizer>? AdHocRecognizers { get; init; }

    /// <summary>Extra context words.</summary>
    public IReadOnlyList<string>? Context { get; init; }

    /// <summary>Texts never reported.</summary>
    public IReadOnlyList<string>? AllowList { get; init; }

    /// <summary><c>exact</c> (default) or <c>regex</c>.</summary>
    public string? AllowListMatch { get; init; }

    /// <summary>Python <c>re</c> flags for regexes of the request (default 26).</summary>
    public int? RegexFlags { get; init; }

    /// <summary>A caller's id for the request (accepted, not stored).</summary>
    public string? CorrelationId { get; init; }
}

/// <summary>An ad-hoc pattern recognizer (Presidio's <c>ad_hoc_recognizers</c> entry).</summary>
public sealed record PiiAdHocRecognizer
{
    /// <summary>The name reported in explanations.</summary>
    public string? Name { get; init; }

    /// <summary>The entity type it reports.</summary>
    public required string SupportedEntity { get; init; }

    /// <summary>The language (default <c>en</c>).</summary>
    public string? SupportedLanguage { get; init; }

    /// <summary>The patterns.</summary>
    public IReadOnlyList<PiiPattern>? Patterns { get; init; }

    /// <summary>Words reported wherever they stand.</summary>
    public IReadOnlyList<string>? DenyList { get; init; }

    /// <summary>Context words that raise scores.</summary>
    public IReadOnlyList<string>? Context { get; init; }
}

/// <summary>A named regex (Python syntax) and the score of a match.</summary>
/// <param name="Name">The pattern's name.</param>
/// <param name="Regex">The regular expression.</param>
/// <param name="Score">The score, 0 to 1.</param>
public sealed record PiiPattern(string Name, string Regex, double Score);
