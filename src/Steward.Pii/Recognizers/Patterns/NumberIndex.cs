using System.Runtime.Intrinsics;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// The one shared pass of the pattern recognizers: every run of ASCII digits in the text, found with vectorised
/// searches and computed once per analysis (whichever recognizer asks first). Almost every pattern entity holds a
/// digit, so recognizers start from these runs and look around them instead of scanning the text again.
/// </summary>
internal sealed class NumberIndex
{
    private NumberIndex(string text, int[] starts, int[] ends, int count)
    {
        Text = text;
        Starts = starts;
        Ends = ends;
        Count = count;
        Shapes = count == 0 ? [] : new RunShape[count];
        for (var r = 0; r < count; r++) Shapes[r] = ShapeOf(text, starts[r], ends[r]);
    }

    /// <summary>The analysed text.</summary>
    public string Text { get; }

    /// <summary>The first character of each run, ascending.</summary>
    public int[] Starts { get; }

    /// <summary>One past the last character of each run.</summary>
    public int[] Ends { get; }

    /// <summary>What touches each run.</summary>
    public RunShape[] Shapes { get; }

    /// <summary>The number of runs.</summary>
    public int Count { get; }

    /// <summary>The digit runs of <paramref name="context"/>'s text (computed once, shared by every recognizer).</summary>
    public static NumberIndex Of(AnalysisContext context) => context.Shared(Build);

    /// <summary>Finds the digit runs of <paramref name="text"/>.</summary>
    public static NumberIndex Build(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('0', '9');
        if (first < 0) return new NumberIndex(text, [], [], 0); // most words-only cells of a dataset
        // Runs are collected in per-thread arrays and copied out at their exact size (no pool, no growth per text).
        var starts = t_starts ??= new int[256];
        var ends = t_ends ??= new int[256];
        var runs = new DigitRuns(starts, ends);
        if (Vector256.IsHardwareAccelerated && span.Length - first >= 64) runs.CollectVectorized(span, first);
        else runs.CollectScalar(span, first);
        (starts, ends, var count) = (runs.Starts, runs.Ends, runs.Count);
        var index = new NumberIndex(text, starts[..count], ends[..count], count);
        if (starts.Length <= 1 << 16) (t_starts, t_ends) = (starts, ends); // a huge text's arrays are not kept
        return index;
    }

    [ThreadStatic]
    private static int[]? t_starts;

    [ThreadStatic]
    private static int[]? t_ends;

    /// <summary>The index of the first run starting at or after <paramref name="position"/>.</summary>
    public int FirstAtOrAfter(int position)
    {
        var index = Array.BinarySearch(Starts, 0, Count, position);
        return index >= 0 ? index : ~index;
    }

    private static RunShape ShapeOf(string text, int s, int e)
    {
        var shape = RunShape.None;
        var before = s > 0 ? text[s - 1] : '\0';
        var after = e < text.Length ? text[e] : '\0';
        var afterNext = e + 1 < text.Length ? text[e + 1] : '\0';
        var beforePrevious = s > 1 ? text[s - 2] : '\0';
        if (char.IsAsciiLetter(before)) shape |= RunShape.LetterBefore;
        if (char.IsAsciiLetter(after)) shape |= RunShape.LetterAfter;
        if (after is ' ' or '-' or '.' or '/' && char.IsAsciiDigit(afterNext)) shape |= RunShape.JoinsRight;
        if (after == ':') shape |= RunShape.ColonAfter;
        if (before is '-' or '.' or '/' or ':' or ',' && char.IsAsciiDigit(beforePrevious)) shape |= RunShape.ContinuesLeft;
        if (before is '(' or '+' || after == ')') shape |= RunShape.Bracketed;
        if (before is ':' or '-' or '.' || after is ':' or '-' or '.') shape |= RunShape.Punctuated;
        if ((after == ' ' && char.IsAsciiLetter(afterNext)) || (before == ' ' && (char.IsAsciiLetter(beforePrevious) || beforePrevious == '.'))) shape |= RunShape.WordNearby;
        return shape;
    }
}
