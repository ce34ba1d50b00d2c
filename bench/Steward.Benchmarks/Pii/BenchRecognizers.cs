using Steward.Pii;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// Engines for scan benchmarks that do not depend on the default recognizers: <c>pipeline</c> runs a recognizer that
/// finds nothing (the scanner's own cost: reading, parsing, decoding, batching, merging); <c>shape</c> runs small
/// hand-written SSN and card scanners of the kind the default recognizers are (a prefilter, then a shape check).
/// </summary>
public static class BenchRecognizers
{
    public static AnalyzerEngine Engine(string kind) => kind switch
    {
        "default" => AnalyzerEngine.CreateDefault(), // what `steward pii scan` runs
        "patterns" => new(RecognizerRegistry.CreatePatternOnly()),
        "pipeline" => new(new RecognizerRegistry([new Nothing()])),
        "shape" => new(new RecognizerRegistry([new SsnShape(), new CardShape()])),
        _ => throw new ArgumentException($"unknown recognizer set {kind}: default, patterns, pipeline or shape"),
    };

    private sealed class Nothing() : Recognizer("bench_nothing", [PiiEntities.UsSsn])
    {
        public override void Analyze(AnalysisContext context, ResultSink sink)
        {
        }
    }

    private sealed class SsnShape() : Recognizer("bench_ssn", [PiiEntities.UsSsn])
    {
        public override void Analyze(AnalysisContext context, ResultSink sink)
        {
            var text = context.Text.AsSpan();
            for (var i = text.IndexOf('-'); i >= 0 && i < text.Length; i = Next(text, i + 1))
            {
                // ddd-dd-dddd with the first dash at i
                var start = i - 3;
                if (start < 0 || i + 8 > text.Length || text[i + 3] != '-') continue;
                if (!Digits(text.Slice(start, 3)) || !Digits(text.Slice(i + 1, 2)) || !Digits(text.Slice(i + 4, 4))) continue;
                if (start > 0 && char.IsDigit(text[start - 1]) || i + 8 < text.Length && char.IsDigit(text[i + 8])) continue;
                sink.Add(this, PiiEntities.UsSsn, start, i + 8, 0.85, "ssn_shape", null, null);
            }
        }

        private static int Next(ReadOnlySpan<char> text, int from)
        {
            var k = text[from..].IndexOf('-');
            return k < 0 ? -1 : from + k;
        }
    }

    private sealed class CardShape() : Recognizer("bench_card", [PiiEntities.CreditCard])
    {
        public override void Analyze(AnalysisContext context, ResultSink sink)
        {
            var text = context.Text.AsSpan();
            var i = 0;
            while (i < text.Length)
            {
                var k = text[i..].IndexOfAnyInRange('0', '9');
                if (k < 0) return;
                var start = i + k;
                var end = start;
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                if (end - start is >= 13 and <= 19 && Luhn(text[start..end])) sink.Add(this, PiiEntities.CreditCard, start, end, 1.0, "card_shape", null, true);
                i = end;
            }
        }

        private static bool Luhn(ReadOnlySpan<char> digits)
        {
            var sum = 0;
            for (var j = 0; j < digits.Length; j++)
            {
                var d = digits[digits.Length - 1 - j] - '0';
                if (j % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
                sum += d;
            }
            return sum % 10 == 0;
        }
    }

    private static bool Digits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
