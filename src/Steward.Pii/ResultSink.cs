namespace Steward.Pii;

/// <summary>
/// Collects a recognizer's results for one analysis. It keeps only the entity types the request asked for,
/// and remembers which recognizer reported each result so the context enhancer can use its context words.
/// </summary>
public sealed class ResultSink
{
    private readonly HashSet<string>? _wanted;
    private readonly List<RecognizerResult> _results = [];
    private readonly List<Recognizer> _sources = [];

    /// <summary>Creates a sink that keeps <paramref name="wanted"/> entity types (all when null).</summary>
    public ResultSink(IReadOnlySet<string>? wanted = null)
    {
        _wanted = wanted is null ? null : new HashSet<string>(wanted, StringComparer.Ordinal);
    }

    private ResultSink(HashSet<string>? wanted) => _wanted = wanted;

    /// <summary>The engine's sink: it shares the request's set of wanted types instead of copying it.</summary>
    internal static ResultSink Sharing(HashSet<string>? wanted) => new(wanted);

    /// <summary>True when results of <paramref name="entityType"/> are kept; recognizers may skip work otherwise.</summary>
    public bool Wants(string entityType) => _wanted is null || _wanted.Contains(entityType);

    /// <summary>The results so far, in the order reported.</summary>
    public IReadOnlyList<RecognizerResult> Results => _results;

    /// <summary>Reports a result. Out-of-range or empty spans and unwanted types are ignored.</summary>
    /// <param name="recognizer">Who found it.</param>
    /// <param name="entityType">The entity type.</param>
    /// <param name="start">The first character.</param>
    /// <param name="end">One past the last character.</param>
    /// <param name="score">The score, clamped to [0, 1].</param>
    /// <param name="patternName">The name of the pattern or rule that matched.</param>
    /// <param name="pattern">The pattern's text.</param>
    /// <param name="validationResult">The validator's outcome, if any.</param>
    /// <param name="textualExplanation">A sentence for people.</param>
    public void Add(Recognizer recognizer, string entityType, int start, int end, double score,
        string? patternName = null, string? pattern = null, bool? validationResult = null, string? textualExplanation = null)
    {
        if (end <= start || start < 0 || !Wants(entityType)) return;
        score = Math.Clamp(score, 0, 1);
        var explanation = new AnalysisExplanation
        {
            Recognizer = recognizer.Name,
            PatternName = patternName,
            Pattern = pattern,
            OriginalScore = score,
            Score = score,
            ValidationResult = validationResult,
            TextualExplanation = textualExplanation,
            EntityType = entityType,
        };
        _results.Add(new RecognizerResult(entityType, start, end, score, explanation));
        _sources.Add(recognizer);
    }

    /// <summary>The recognizer that reported the result at <paramref name="index"/>.</summary>
    internal Recognizer SourceOf(int index) => _sources[index];
}
