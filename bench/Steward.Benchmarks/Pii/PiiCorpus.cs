using System.Text;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// A deterministic mixed English corpus for the PII benchmarks: support chats, application logs full of IPs,
/// timestamps, ids and durations, and prose paragraphs, with a few PII values (e-mail addresses, phone numbers,
/// card numbers, IBANs, SSNs, dates, URLs) sprinkled in at realistic rates. Same seed, same text.
/// </summary>
internal static class PiiCorpus
{
    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he", "this", "are",
        "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her",
        "has", "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "order", "account", "service", "customer",
        "system", "request", "team", "report", "policy", "model", "training", "data", "release", "update", "support", "issue", "ticket",
        "delivery", "payment", "review", "meeting", "project", "network", "server", "quality", "process", "product", "market", "company",
        "government", "history", "research", "university", "development", "population", "century", "region", "river", "island", "city",
    ];

    private static readonly string[] FirstNames = ["Maria", "John", "Aiko", "Pierre", "Fatima", "Lars", "Chen", "Olga", "Diego", "Priya"];
    private static readonly string[] LastNames = ["Lopez", "Smith", "Tanaka", "Dubois", "Khan", "Nielsen", "Wei", "Ivanova", "Garcia", "Patel"];

    /// <summary>Builds about <paramref name="bytes"/> characters of documents (each a few hundred to a few thousand characters).</summary>
    public static List<string> Build(int bytes, int seed = 20261202)
    {
        var random = new Random(seed);
        var documents = new List<string>();
        var total = 0;
        while (total < bytes)
        {
            var doc = (random.Next(3)) switch
            {
                0 => Chat(random),
                1 => Log(random),
                _ => Prose(random),
            };
            documents.Add(doc);
            total += doc.Length;
        }
        return documents;
    }

    private static string Chat(Random r)
    {
        var sb = new StringBuilder();
        var name = $"{FirstNames[r.Next(FirstNames.Length)]} {LastNames[r.Next(LastNames.Length)]}";
        for (var turn = 0; turn < 8 + r.Next(8); turn++)
        {
            sb.Append(turn % 2 == 0 ? "Customer: " : "Agent: ");
            Sentence(r, sb, 6 + r.Next(14));
            var roll = r.Next(40);
            if (roll == 0) sb.Append($" You can reach me at {name.Replace(' ', '.').ToLowerInvariant()}@example.com.");
            else if (roll == 1) sb.Append($" My number is {Digits(r, 3)}-{Digits(r, 3)}-{Digits(r, 4)}.");
            else if (roll == 2) sb.Append($" The order {Digits(r, 8)} arrived on {1 + r.Next(12)}/{1 + r.Next(28)}/20{10 + r.Next(15)}.");
            else if (roll == 3) sb.Append($" Card ending {Digits(r, 4)}, ticket #{Digits(r, 6)}.");
            else if (roll == 4) sb.Append(" Please pay to GB82 WEST 1234 5698 7654 32 by Friday.");
            else if (roll == 5) sb.Append($" Call +44 20 {Digits(r, 4)} {Digits(r, 4)} after 2pm.");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Log(Random r)
    {
        var sb = new StringBuilder();
        for (var line = 0; line < 20 + r.Next(30); line++)
        {
            sb.Append($"2026-{1 + r.Next(12):00}-{1 + r.Next(28):00}T{r.Next(24):00}:{r.Next(60):00}:{r.Next(60):00}.{r.Next(1000):000}Z ");
            sb.Append(r.Next(10) == 0 ? "WARN " : "INFO ");
            sb.Append($"[worker-{r.Next(16)}] ");
            switch (r.Next(5))
            {
                case 0: sb.Append($"GET /api/v2/orders/{Digits(r, 7)} 200 {r.Next(5000)} {r.Next(900)}ms client={10 + r.Next(200)}.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}"); break;
                case 1: sb.Append($"job {Guid(r)} finished in {r.Next(100)}.{r.Next(1000):000}s, {r.Next(100000)} rows, version 3.{r.Next(20)}.{r.Next(100)}"); break;
                case 2: sb.Append($"retrying connection to db-{r.Next(9)}.internal:5432 (attempt {r.Next(5)}/5), pid={r.Next(65000)}"); break;
                case 3: sb.Append($"cache hit ratio {r.Next(100)}.{r.Next(100)}% over {r.Next(1000000)} keys; heap {r.Next(4096)} MB"); break;
                default: sb.Append("user signed in from "); sb.Append(r.Next(2) == 0 ? $"{r.Next(256)}.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}" : "2001:db8:85a3::8a2e:370:7334"); break;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Prose(Random r)
    {
        var sb = new StringBuilder();
        for (var s = 0; s < 8 + r.Next(12); s++)
        {
            Sentence(r, sb, 10 + r.Next(20));
            var roll = r.Next(30);
            if (roll == 0) sb.Append($" In {1900 + r.Next(120)} the population reached {r.Next(1000)},{r.Next(1000):000}.");
            else if (roll == 1) sb.Append($" See https://www.example.org/reports/{r.Next(2000)} for details.");
            else if (roll == 2) sb.Append($" On {1 + r.Next(28)} March {1950 + r.Next(70)} the treaty was signed.");
            sb.Append(' ');
        }
        sb.Append("\n\n");
        return sb.ToString();
    }

    private static void Sentence(Random r, StringBuilder sb, int words)
    {
        for (var w = 0; w < words; w++)
        {
            var word = Words[r.Next(Words.Length)];
            if (w == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
            sb.Append(word);
            if (r.Next(25) == 0) sb.Append($" {r.Next(100)}");
            sb.Append(w == words - 1 ? "." : r.Next(12) == 0 ? ", " : " ");
        }
    }

    private static string Digits(Random r, int n)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = (char)('0' + r.Next(10));
        return new string(chars);
    }

    private static string Guid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
