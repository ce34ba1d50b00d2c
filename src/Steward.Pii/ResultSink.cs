namespace Steward.Pii;

/// <summary>
/// Collects a recognizer's results for one analysis. It keeps only the entity types the request asked for,
/// and remembers which recognizer reported each result so the context enhancer can use its context words.
/// Results are kept as structs in one array; <see cref="Results"/> builds the objects only when read.
/// </summary>
public sealed class ResultSink
{
    private HashSet<string>? _wanted;
    private PendingResult[] _pending = [];
    private int _count;
    private List<RecognizerResult>? _results;

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
    public IReadOnlyList<RecognizerResult> Results
    {
        get
        {
            if (_results is null)
            {
                _results = new List<RecognizerResult>(_count);
                for (var i = 0; i < _count; i++) _results.Add(_pending[i].ToResult());
            }
            return _results;
        }
    }

    /// <summary>The number of results so far.</summary>
    internal int Count => _count;

    /// <summary>The results so far, as reported (the engine edits scores and context words in place).</summary>
    internal Span<PendingResult> Pending => _pending.AsSpan(0, _count);

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
        if (_count == _pending.Length) Array.Resize(ref _pending, Math.Max(16, _count * 2));
        ref var p = ref _pending[_count++];
        p.Source = recognizer;
        p.EntityType = entityType;
        p.Start = start;
        p.End = end;
        p.Score = score;
        p.OriginalScore = score;
        p.PatternName = patternName;
        p.Pattern = pattern;
        p.TextualExplanation = textualExplanation;
        p.ContextWord = null;
        p.ValidationResult = validationResult;
        _results?.Add(p.ToResult());
    }

    /// <summary>The engine's reusable arrays for ordering these results.</summary>
    internal SinkScratch Scratch => _scratch ??= new SinkScratch();

    private SinkScratch? _scratch;

    /// <summary>The recognizer that reported the result at <paramref name="index"/>.</summary>
    internal Recognizer SourceOf(int index) => _pending[index].Source;

    /// <summary>
    /// Whether results need their textual explanation. A dataset scan keeps only entity, span and score, so it turns
    /// this off and recognizers skip composing the text (the other fields, and the results, are the same).
    /// </summary>
    public bool Explains { get; internal set; } = true;

    /// <summary>Empties the sink for another analysis with <paramref name="wanted"/> types (the engine reuses one per thread).</summary>
    internal void Reset(HashSet<string>? wanted)
    {
        Explains = true;
        _wanted = wanted;
        if (_pending.Length > 65_536) _pending = []; // do not keep a huge text's array alive
        else _pending.AsSpan(0, _count).Clear();
        _count = 0;
        _results = null;
    }
}
