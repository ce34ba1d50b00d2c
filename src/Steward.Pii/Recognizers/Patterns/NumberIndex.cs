using System.Buffers;

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
        Shapes = new RunShape[count];
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
        var starts = ArrayPool<int>.Shared.Rent(16);
        var ends = ArrayPool<int>.Shared.Rent(16);
        var count = 0;
        var span = text.AsSpan();
        var i = 0;
        try
        {
            while (i < span.Length)
            {
                var next = span[i..].IndexOfAnyInRange('0', '9');
                if (next < 0) break;
                var start = i + next;
                var end = start + 1;
                while (end < span.Length && char.IsAsciiDigit(span[end])) end++; // runs are short: a scalar loop beats a vector call
                if (count == starts.Length)
                {
                    Grow(ref starts, count);
                    Grow(ref ends, count);
                }
                starts[count] = start;
                ends[count] = end;
                count++;
                i = end;
            }
            return new NumberIndex(text, starts[..count], ends[..count], count);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

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

    private static void Grow(ref int[] array, int count)
    {
        var bigger = ArrayPool<int>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<int>.Shared.Return(array);
        array = bigger;
    }
}
