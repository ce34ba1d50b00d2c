namespace Steward.Pii;

/// <summary>
/// A result as a recognizer reported it, held in the sink's array without allocating: the engine adds context
/// and removes duplicates on these, and builds <see cref="RecognizerResult"/> objects only for the survivors.
/// </summary>
internal struct PendingResult
{
    public Recognizer Source;
    public string EntityType;
    public int Start;
    public int End;
    public double Score;
    public double OriginalScore;
    public string? PatternName;
    public string? Pattern;
    public string? TextualExplanation;
    public string? ContextWord;
    public bool? ValidationResult;

    /// <summary>The result object with its explanation, as the engine returns it.</summary>
    public readonly RecognizerResult ToResult()
    {
        var explanation = new AnalysisExplanation
        {
            Recognizer = Source.Name,
            PatternName = PatternName,
            Pattern = Pattern,
            OriginalScore = OriginalScore,
            Score = Score,
            ValidationResult = ValidationResult,
            TextualExplanation = TextualExplanation,
            EntityType = EntityType,
            ScoreContextImprovement = ContextWord is null ? 0 : Score - OriginalScore,
            SupportiveContextWord = ContextWord ?? "",
        };
        return new RecognizerResult(EntityType, Start, End, Score, explanation) { ContextApplied = ContextWord is not null };
    }
}
