namespace Steward.Client;

/// <summary>One finding of <c>/analyze</c>: the entity type, <c>[start, end)</c> and the score.</summary>
public sealed record PiiEntity
{
    /// <summary>The entity type, e.g. <c>CREDIT_CARD</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The first character.</summary>
    public int Start { get; init; }

    /// <summary>One past the last character.</summary>
    public int End { get; init; }

    /// <summary>The score, 0 to 1.</summary>
    public double Score { get; init; }

    /// <summary>Why it was reported (only with <c>return_decision_process</c>).</summary>
    public PiiAnalysisExplanation? AnalysisExplanation { get; init; }

    /// <summary>The recognizer (only with <c>return_decision_process</c>).</summary>
    public PiiRecognitionMetadata? RecognitionMetadata { get; init; }
}

/// <summary>Presidio's <c>analysis_explanation</c>.</summary>
public sealed record PiiAnalysisExplanation
{
    /// <summary>The recognizer's name.</summary>
    public string? Recognizer { get; init; }
    /// <summary>The pattern's name.</summary>
    public string? PatternName { get; init; }
    /// <summary>The pattern.</summary>
    public string? Pattern { get; init; }
    /// <summary>The score before context.</summary>
    public double OriginalScore { get; init; }
    /// <summary>The final score.</summary>
    public double Score { get; init; }
    /// <summary>A sentence for people.</summary>
    public string? TextualExplanation { get; init; }
    /// <summary>How much context raised the score.</summary>
    public double ScoreContextImprovement { get; init; }
    /// <summary>The context word that raised it.</summary>
    public string? SupportiveContextWord { get; init; }
    /// <summary>The validator's outcome, if any.</summary>
    public bool? ValidationResult { get; init; }
}

/// <summary>Presidio's <c>recognition_metadata</c>.</summary>
/// <param name="RecognizerName">The recognizer's name.</param>
/// <param name="RecognizerIdentifier">A stable identifier of the recognizer.</param>
public sealed record PiiRecognitionMetadata(string RecognizerName, string RecognizerIdentifier);
