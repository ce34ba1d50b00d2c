namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// DATE_TIME: ISO dates and date-times (0.85), US and European numeric dates with a valid month and day (0.85
/// with a four-digit year, 0.6 with two), written dates such as "29 March 2017", "March 29th, 2017" and
/// "Monday, 29 March" (0.85 with a year, 0.6 without), month and year ("Mar 2017", 0.6), times such as "14:48",
/// "14:48:14Z" and "2pm" (0.6), and plain years only right after a date word such as "born", "since" or "year"
/// (0.5). Dotted numbers after "version" and numbers that continue into longer groups are not dates.
/// </summary>
internal sealed class DateTimeRecognizer()
    : Recognizer("DateTimeRecognizer", [PiiEntities.DateTime], ["date", "time", "birthday", "born", "dob", "when", "day", "year", "at", "on", "appointment"])
{
    private const string Separators = "-/.";
    private static readonly string[] YearContext = ["year", "born", "since", "circa", "dob", "birth"];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Explanations = new(StringComparer.Ordinal);
    private static readonly string[] VersionWords = ["version", "v", "release", "build", "ver"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.DateTime)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var lastEnd = -1;
        string? lastName = null, lastExplanation = null; // a log's dates share one rule name: one dictionary lookup per run of them
        for (var r = 0; r < index.Count; r++)
        {
            if (index.Starts[r] < lastEnd) continue;
            var len = index.Ends[r] - index.Starts[r];
            var shape = index.Shapes[r];
            if (len > 4 || (len != 4 && (shape & (RunShape.JoinsRight | RunShape.ColonAfter | RunShape.WordNearby | RunShape.LetterAfter)) == 0)) continue;
            // A run continuing a number to its left ("10.0.0.1", "10:20:30", "1.2.3") starts no numeric date, time or
            // year; only a written date can start there ("10-15 March"), and only with a word right after it.
            if ((shape & RunShape.ContinuesLeft) != 0 && !WordAfter(text, index.Ends[r])) continue;
            var (start, end, score, name) = Match(index, r);
            if (end <= start) continue;
            if (!ReferenceEquals(name, lastName)) (lastName, lastExplanation) = (name, sink.Explains ? Explanations.GetOrAdd(name, static n => $"Identified as DATE_TIME: {n}") : null);
            sink.Add(this, PiiEntities.DateTime, start, end, score, name, null, true, lastExplanation);
            lastEnd = end;
        }
    }

    private (int Start, int End, double Score, string Name) Match(NumberIndex index, int r)
    {
        var text = index.Text;
        var s = index.Starts[r];
        var e = index.Ends[r];
        var len = e - s;
        var before = TextAround.At(text, s - 1);
        if (char.IsAsciiLetter(before) || len > 4) return default;
        var after = TextAround.At(text, e);
        if (after is '-' or '/' or '.' && char.IsAsciiDigit(TextAround.At(text, e + 1)))
        {
            var numeric = NumericDate(index, r);
            if (numeric.End > 0) return numeric;
        }
        // Written dates have a word next to the number: "March 29", "29 March", "29th of March".
        if ((before is ' ' or '-' && TextAround.At(text, s - 2) is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '.' or ',') || (after is ' ' or '-' && char.IsAsciiLetter(TextAround.At(text, e + 1))) || char.IsAsciiLetter(after))
        {
            var written = WrittenDates.Match(text, s, e);
            if (written.End > 0) return written;
        }
        if (len <= 2)
        {
            if (after == ':' && before != ':' && !PrecededByNumberPart(text, s))
            {
                var t = DateShapes.TimeAt(text, s);
                if (t > 0) return (s, t, 0.6, "time");
            }
            var ampm = DateShapes.AmPmAt(text, e);
            var hour = DateShapes.Value(text.AsSpan(s, len));
            if (ampm > 0 && hour is >= 1 and <= 12 && !PrecededByNumberPart(text, s)) return (s, ampm, 0.6, "time (am/pm)");
        }
        if (len == 4 && !PrecededByNumberPart(text, s) && !char.IsAsciiDigit(TextAround.At(text, e + 1)) && !char.IsAsciiLetter(TextAround.At(text, s - 1)))
        {
            var year = DateShapes.Value(text.AsSpan(s, 4));
            if (year is < 1900 or > 2099) return default;
            if (!char.IsAsciiLetterOrDigit(TextAround.At(text, e)) && TextAround.HasContextBefore(text, s, YearContext, 1)) return (s, e, 0.5, "year after a date word");
        }
        return default;
    }

    private (int Start, int End, double Score, string Name) NumericDate(NumberIndex index, int r)
    {
        var text = index.Text;
        var s = index.Starts[r];
        if (DigitChain.ContinuesLeft(index, r, Separators) || PrecededByNumberPart(text, s)) return default;
        var chain = DigitChain.Follow(index, r, Separators, 3, out var truncated);
        if (truncated || chain.Groups != 3) return default;
        var after = TextAround.At(text, chain.End);
        var timeFollows = after == 'T' && char.IsAsciiDigit(TextAround.At(text, chain.End + 1));
        if ((char.IsAsciiLetterOrDigit(after) && !timeFollows) || (Separators.Contains(after) && char.IsAsciiDigit(TextAround.At(text, chain.End + 1)))) return default;
        int la = chain.GroupLength(index, 0), lb = chain.GroupLength(index, 1), lc = chain.GroupLength(index, 2);
        var a = DateShapes.Value(text.AsSpan(index.Starts[r], la));
        var b = DateShapes.Value(text.AsSpan(index.Starts[r + 1], lb));
        var c = DateShapes.Value(text.AsSpan(index.Starts[r + 2], lc));
        if (chain.Separator == '.' && TextAround.HasContextBefore(text, s, VersionWords, 1)) return default;
        string name;
        double score;
        if (la == 4 && lb <= 2 && lc <= 2 && DateShapes.IsYear(a) && DateShapes.IsDay(b, c))
        {
            (name, score) = ("ISO date", 0.85);
        }
        else if (la <= 2 && lb <= 2 && (lc == 4 || lc == 2) && (DateShapes.IsDay(a, b) || DateShapes.IsDay(b, a)))
        {
            if (lc == 4 && !DateShapes.IsYear(c)) return default;
            if (lc == 2 && chain.Separator != '/' && (la != 2 || lb != 2)) return default;
            (name, score) = lc == 4 ? ("numeric date", 0.85) : ("numeric date (two-digit year)", 0.6);
        }
        else return default;
        var end = chain.End;
        if (TextAround.At(text, end) is ' ' or 'T' && char.IsAsciiDigit(TextAround.At(text, end + 1)))
        {
            var t = DateShapes.TimeAt(text, end + 1);
            if (t > 0) (end, name) = (t, WithTime(name));
        }
        return (s, end, score, name);
    }

    /// <summary>The rule's name when a time follows the date (constants: no string is built per match).</summary>
    private static string WithTime(string name) => name switch
    {
        "ISO date" => "ISO date and time",
        "numeric date" => "numeric date and time",
        "numeric date (two-digit year)" => "numeric date (two-digit year) and time",
        _ => name + " and time",
    };

    /// <summary>True when a letter follows <paramref name="e"/> directly or after one space or hyphen (what <see cref="Match"/> needs for a written date).</summary>
    private static bool WordAfter(string text, int e)
    {
        var after = TextAround.At(text, e);
        return char.IsAsciiLetter(after) || (after is ' ' or '-' && char.IsAsciiLetter(TextAround.At(text, e + 1)));
    }

    /// <summary>True when the number continues one to its left ("3.14", "v1.2", "10:30:12" parts).</summary>
    private static bool PrecededByNumberPart(string text, int s) =>
        TextAround.At(text, s - 1) is '.' or ':' or '-' or '/' or ',' && char.IsAsciiDigit(TextAround.At(text, s - 2));
}
