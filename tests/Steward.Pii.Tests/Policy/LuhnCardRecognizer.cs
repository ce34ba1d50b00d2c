namespace Steward.Pii.Tests.Policy;

/// <summary>A small hand-written test recognizer: 16 digits in groups of four that pass the Luhn check are a CREDIT_CARD.</summary>
internal sealed class LuhnCardRecognizer() : Recognizer("TestCardRecognizer", [PiiEntities.CreditCard])
{
    public static AnalyzerEngine Engine() => new(new RecognizerRegistry([new LuhnCardRecognizer()]));

    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        var text = context.Text;
        for (var i = 0; i + 19 <= text.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(text[i - 1])) continue;
            var candidate = text.AsSpan(i, 19);
            if (IsGrouped(candidate) && (i + 19 == text.Length || !char.IsAsciiDigit(text[i + 19])) && Luhn(candidate))
            {
                sink.Add(this, PiiEntities.CreditCard, i, i + 19, 1.0, "grouped", "dddd dddd dddd dddd", validationResult: true);
                i += 18;
            }
        }
    }

    private static bool IsGrouped(ReadOnlySpan<char> s)
    {
        for (var j = 0; j < s.Length; j++)
        {
            if (j % 5 == 4 ? s[j] != ' ' : !char.IsAsciiDigit(s[j])) return false;
        }
        return true;
    }

    private static bool Luhn(ReadOnlySpan<char> s)
    {
        int sum = 0, n = 0;
        for (var j = s.Length - 1; j >= 0; j--)
        {
            if (s[j] == ' ') continue;
            var d = s[j] - '0';
            if (n++ % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
