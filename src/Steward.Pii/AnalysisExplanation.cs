namespace Steward.Pii;

/// <summary>
/// Why a result was reported, in the shape of Presidio's <c>analysis_explanation</c>: the recognizer, the
/// pattern that matched, the score before and after context, the context word that raised it and the
/// outcome of validation (a checksum, for example).
/// </summary>
public sealed class AnalysisExplanation
{
    /// <summary>The recognizer's name.</summary>
    public required string Recognizer { get; init; }

    /// <summary>The name of the pattern or rule that matched, when the recognizer has several.</summary>
    public string? PatternName { get; init; }

    /// <summary>The pattern itself (a regex, a word list's name, a rule's description).</summary>
    public string? Pattern { get; init; }

    /// <summary>The score the recognizer gave before context was considered.</summary>
    public double OriginalScore { get; init; }

    /// <summary>The final score.</summary>
    public double Score { get; set; }

    private string? _textual;

    /// <summary>A sentence for people (by default "Identified as TYPE by RECOGNIZER", composed when first read).</summary>
    public string? TextualExplanation
    {
        get => _textual ??= EntityType is null ? null : $"Identified as {EntityType} by {Recognizer}";
        init => _textual = value;
    }

    /// <summary>The entity type, for the default sentence.</summary>
    internal string? EntityType { get; init; }

    /// <summary>How much context raised the score.</summary>
    public double ScoreContextImprovement { get; set; }

    /// <summary>The context word that raised the score, or empty.</summary>
    public string SupportiveContextWord { get; set; } = "";

    /// <summary>True when a validator passed, false when it failed, null when there is none.</summary>
    public bool? ValidationResult { get; init; }
}
