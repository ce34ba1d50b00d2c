using System.Globalization;
using System.Text;
using Steward.Pii.Evaluation;
using Steward.Pii.Recognizers;

namespace Steward.Pii.Tests;

/// <summary>
/// The engine finishes an analysis on the sink's structs (context, duplicate removal, threshold, order) and falls
/// back to result objects only when results of one type overlap. These tests run the struct path and the original
/// object path (<see cref="AnalyzerEngine.ObjectPath"/>) over generated and labelled text and require the same
/// answer to the last field of every explanation.
/// </summary>
public sealed class EnginePathsTests
{
    private static readonly string[] Words =
    [
        "the", "at", "on", "my", "phone", "number", "is", "call", "ssn", "social", "security", "card", "date", "born", "ip", "server",
        "John's", "Maria", "order", "ticket", "version", "iban", "account", "email", "time", "when", "licence", "passport", "nhs", "fax",
        "mobile", "tel", "dob", "year", "host", "client", "wallet", "bitcoin", "url", "visit", "routing", "medical", "dea",
    ];

    private static readonly string[] Values =
    [
        "123-45-6789", "078-05-1120", "4111 1111 1111 1111", "4012888888881881", "5555-5555-5555-4444", "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000", "2026-03-04", "2026-03-04 12:44:01", "03/04/2026", "14:48", "2pm", "29 March 2017", "March 29th, 2017",
        "192.168.1.20", "10.0.0.1", "2001:db8::1", "fe80::1ff:fe23:4567:890a", "00:1A:2B:3C:4D:5E", "+1 217 555 0123", "(415) 555-0132",
        "415-555-0132", "020 7946 0958", "+44 20 7946 0958", "maria.lopez@example.com", "https://example.com/a?b=1", "www.example.org",
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "943 476 5919", "QQ 12 34 56 C", "AB123456C", "912-70-1234", "A1234567", "123456789",
        "1.2.3", "v2.4.10", "12.345.678", "2015 2016", "98101-1234", "1999", "40", "7", "3.14", "BM1234563",
    ];

    private static string Generate(Random random, int tokens)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            var roll = random.Next(10);
            sb.Append(roll switch
            {
                < 5 => Words[random.Next(Words.Length)],
                < 8 => Values[random.Next(Values.Length)],
                8 => random.Next(0, 100_000_000).ToString(CultureInfo.InvariantCulture),
                _ => random.Next(4) switch { 0 => ",", 1 => ":", 2 => "\n", _ => "." },
            });
            sb.Append(random.Next(8) == 0 ? "" : " ");
        }
        return sb.ToString();
    }

    private static string Describe(IReadOnlyList<RecognizerResult> results) => string.Join("\n", results.Select(r =>
    {
        var e = r.Explanation;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.EntityType} {r.Start} {r.End} {r.Score:R} | {e.Recognizer} {e.PatternName} {e.Pattern} {e.OriginalScore:R} {e.Score:R} {e.ScoreContextImprovement:R} '{e.SupportiveContextWord}' {e.ValidationResult} {e.TextualExplanation}");
    }));

    private static void AssertSamePaths(RecognizerRegistry registry, IEnumerable<string> texts, AnalyzeOptions? options = null)
    {
        var structs = new AnalyzerEngine(registry);
        var objects = new AnalyzerEngine(registry) { ObjectPath = true };
        var compared = 0;
        foreach (var text in texts)
        {
            var expected = Describe(objects.Analyze(text, options));
            var actual = Describe(structs.Analyze(text, options));
            Assert.True(expected == actual, $"text: {text}\nobject path:\n{expected}\nstruct path:\n{actual}");
            compared += expected.Length;
        }
        Assert.True(compared > 0, "nothing was found in any text");
    }

    private static IEnumerable<string> GeneratedTexts(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++) yield return Generate(random, random.Next(1, 80));
    }

    [Fact]
    public void PatternOnly_GeneratedText_SameAnswer() =>
        AssertSamePaths(RecognizerRegistry.CreatePatternOnly(), GeneratedTexts(20261202, 3000));

    [Fact]
    public void PatternOnly_RequestContextThresholdAndAllowList_SameAnswer() =>
        AssertSamePaths(RecognizerRegistry.CreatePatternOnly(), GeneratedTexts(7, 1500),
            new AnalyzeOptions { Context = ["Phone", "ssn", "date of birth"], ScoreThreshold = 0.5, AllowList = ["10.0.0.1", "2pm"] });

    [Fact]
    public void OverlappingResultsOfOneType_FallBackToTheSameAnswer()
    {
        // An ad-hoc recognizer whose DATE_TIME and US_SSN spans overlap the built-in ones, some within them.
        var years = new RegexRecognizer("years", "DATE_TIME", [new PatternDefinition("year", @"\b\d{4}\b", 0.3)], context: ["born"]);
        var digits = new RegexRecognizer("digits", "US_SSN", [new PatternDefinition("digits", @"\d{2}-\d{4}", 0.9)], context: ["ssn"]);
        AssertSamePaths(new RecognizerRegistry([.. RecognizerRegistry.CreatePatternOnly().All, years, digits]), GeneratedTexts(11, 1500));
    }

    [Fact]
    public void DefaultRecognizers_HoldoutTexts_SameAnswer()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Steward.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        var samples = LabeledDataset.Load(Path.Combine(root, "eng", "pii-holdout", "holdout.json"));
        AssertSamePaths(RecognizerRegistry.CreateDefault(), [.. samples.Select(s => s.Text), .. GeneratedTexts(3, 300)]);
    }

    [Fact]
    public void ReusedContext_SameAnswerAsAFreshOne()
    {
        // The engine keeps one analysis context per thread and refills its digit-run index in place: a text after a
        // long, digit-dense one (bigger arrays, stale runs past the new count) must get the answer a fresh thread gets.
        var engine = new AnalyzerEngine(RecognizerRegistry.CreateDefault());
        var random = new Random(5);
        var texts = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            texts.Add(Generate(random, 400));
            texts.Add(Generate(random, random.Next(1, 12)));
            texts.Add(i % 3 == 0 ? "no digits here, Maria" : "");
        }
        var compared = 0;
        foreach (var text in texts)
        {
            var reused = Describe(engine.Analyze(text));
            var fresh = "";
            var thread = new Thread(() => fresh = Describe(engine.Analyze(text)));
            thread.Start();
            thread.Join();
            Assert.True(fresh == reused, $"text: {text}\nfresh context:\n{fresh}\nreused context:\n{reused}");
            compared += fresh.Length;
        }
        Assert.True(compared > 0, "nothing was found in any text");
    }
}
