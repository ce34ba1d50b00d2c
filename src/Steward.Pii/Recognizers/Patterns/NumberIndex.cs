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
    public string Text { get; private set; }

    /// <summary>The first character of each run, ascending (the first <see cref="Count"/> entries are used).</summary>
    public int[] Starts { get; private set; }

    /// <summary>One past the last character of each run (the first <see cref="Count"/> entries are used).</summary>
    public int[] Ends { get; private set; }

    /// <summary>What touches each run (the first <see cref="Count"/> entries are used).</summary>
    public RunShape[] Shapes { get; private set; }

    /// <summary>The number of runs.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The digit runs of <paramref name="context"/>'s text (computed once, shared by every recognizer). A context the
    /// engine reuses from text to text keeps its index too, refilled in place, so a dataset cell allocates none.
    /// </summary>
    public static NumberIndex Of(AnalysisContext context)
    {
        if (context.Digits is { } index) return index;
        if (context.SpareDigits is { } spare)
        {
            context.SpareDigits = null;
            spare.Refill(context.Text);
            return context.Digits = spare;
        }
        return context.Digits = Build(context.Text);
    }

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
        Collect(ref runs, span, first);
        (starts, ends, var count) = (runs.Starts, runs.Ends, runs.Count);
        var index = new NumberIndex(text, starts[..count], ends[..count], count);
        if (starts.Length <= 1 << 16) (t_starts, t_ends) = (starts, ends); // a huge text's arrays are not kept
        return index;
    }

    /// <summary>True when the index's arrays are small enough to keep for the next text.</summary>
    internal bool Keepable => Starts.Length <= 1 << 16;

    /// <summary>Indexes <paramref name="text"/> into this instance's own arrays (grown when needed).</summary>
    private void Refill(string text)
    {
        Text = text;
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('0', '9');
        if (first < 0)
        {
            Count = 0;
            return;
        }
        var runs = new DigitRuns(Starts.Length == 0 ? new int[64] : Starts, Ends.Length == 0 ? new int[64] : Ends);
        Collect(ref runs, span, first);
        (Starts, Ends, Count) = (runs.Starts, runs.Ends, runs.Count);
        if (Shapes.Length < Count) Shapes = new RunShape[Starts.Length];
        for (var r = 0; r < Count; r++) Shapes[r] = ShapeOf(text, Starts[r], Ends[r]);
    }

    private static void Collect(ref DigitRuns runs, ReadOnlySpan<char> span, int first)
    {
        if (Vector256.IsHardwareAccelerated && span.Length - first >= 64) runs.CollectVectorized(span, first);
        else runs.CollectScalar(span, first);
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
