using System.Globalization;
using System.Text;
using Steward.Pii;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-profile --dump FILE [MB] [--all]</c>: writes every result of the pattern-only analyzer (with <c>--all</c>: every
/// default recognizer, the names and places too), with its explanation, on
/// the PII-dense corpus, mixed English prose and a generated "fuzz" text of digit runs, hex groups, separators and
/// context words, one line per result. Two builds' dumps are diffed to show a speed change kept every answer.
/// </summary>
internal static class PatternDump
{
    private static readonly string[] Words =
    [
        "license", "licence", "dl", "passport", "travel", "nhs", "patient", "bank", "account", "routing", "ssn", "social", "security",
        "itin", "tax", "ni", "insurance", "phone", "call", "tel", "order", "ticket", "version", "v", "build", "born", "since", "year",
        "at", "on", "date", "time", "ip", "client", "server", "host", "mac", "address", "card", "March", "Mar", "Monday", "pm", "am",
        "the", "a", "of", "and", "T", "Z", "x", "ext", "GB", "DE", "AB", "QQ", "bc1", "ms", "th", "st", "is", "Lic", "LICENSE", "Passports",
    ];

    private const string Separators = " -./:+()#,\n@_;'=[]";

    public static int Run(string path, int megabytes, bool all = false)
    {
        var engine = all ? AnalyzerEngine.CreateDefault() : new AnalyzerEngine(RecognizerRegistry.CreatePatternOnly());
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(writer, "dense", engine, PiiCorpus.Build(megabytes * 1_000_000));
        Write(writer, "prose", engine, [.. Enumerable.Range(0, Math.Max(1, megabytes * 1_000_000 / 65_536)).Select(_ => MixedEnglishText.Build(65_536))]);
        Write(writer, "fuzz", engine, Fuzz(megabytes * 1_000_000, 20261203));
        return 0;
    }

    private static void Write(StreamWriter writer, string corpus, AnalyzerEngine engine, List<string> documents)
    {
        var total = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var r in engine.Analyze(documents[d]))
            {
                var e = r.Explanation;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{corpus}\t{d}\t{r.EntityType}\t{r.Start}\t{r.End}\t{r.Score:R}\t{e.Recognizer}\t{e.PatternName}\t{e.Pattern}\t{e.OriginalScore:R}\t{e.Score:R}\t{e.ValidationResult}\t{e.TextualExplanation}\t{e.SupportiveContextWord}\t{e.ScoreContextImprovement:R}"));
                total++;
            }
        }
        Console.WriteLine($"{corpus}: {documents.Count} documents, {total} results");
    }

    /// <summary>Texts of random tokens: digit runs of 1-20 digits, hex groups, context words and separators.</summary>
    internal static List<string> Fuzz(int bytes, int seed)
    {
        var random = new Random(seed);
        var documents = new List<string>();
        var total = 0;
        var sb = new StringBuilder();
        while (total < bytes)
        {
            sb.Clear();
            var length = 20 + random.Next(3000);
            while (sb.Length < length)
            {
                switch (random.Next(10))
                {
                    case < 4:
                        var n = random.Next(4) == 0 ? 1 + random.Next(20) : 1 + random.Next(4);
                        for (var i = 0; i < n; i++) sb.Append((char)('0' + random.Next(10)));
                        break;
                    case 4:
                        var h = 1 + random.Next(4);
                        for (var i = 0; i < h; i++) sb.Append("0123456789abcdefABCDEF"[random.Next(22)]);
                        break;
                    case 5:
                        sb.Append(Words[random.Next(Words.Length)]);
                        break;
                    default:
                        sb.Append(Separators[random.Next(random.Next(2) == 0 ? 4 : Separators.Length)]);
                        break;
                }
            }
            documents.Add(sb.ToString());
            total += sb.Length;
        }
        return documents;
    }
}
