namespace Steward.Pii;

/// <summary>One entity found in a text: its type, the character range <c>[Start, End)</c> and a score in [0, 1].</summary>
public sealed class RecognizerResult
{
    /// <summary>Creates a result.</summary>
    public RecognizerResult(string entityType, int start, int end, double score, AnalysisExplanation explanation)
    {
        EntityType = entityType;
        Start = start;
        End = end;
        Score = score;
        Explanation = explanation;
    }

    /// <summary>The entity type, for example <c>CREDIT_CARD</c>.</summary>
    public string EntityType { get; }

    /// <summary>The first character (UTF-16 index into the analysed string).</summary>
    public int Start { get; }

    /// <summary>One past the last character.</summary>
    public int End { get; }

    /// <summary>The confidence, from 0 to 1, after context enhancement.</summary>
    public double Score { get; internal set; }

    /// <summary>How the result came about.</summary>
    public AnalysisExplanation Explanation { get; }

    /// <summary>Whether the context enhancer already raised the score (it raises once).</summary>
    internal bool ContextApplied { get; set; }

    /// <summary>True when this result lies within <paramref name="other"/>.</summary>
    public bool IsContainedIn(RecognizerResult other) => Start >= other.Start && End <= other.End;

    /// <summary>True when the two ranges share at least one character.</summary>
    public bool Overlaps(RecognizerResult other) => Start < other.End && other.Start < End;

    /// <summary>The length in characters.</summary>
    public int Length => End - Start;

    /// <inheritdoc />
    public override string ToString() => $"{EntityType} [{Start},{End}) {Score:0.###}";
}
