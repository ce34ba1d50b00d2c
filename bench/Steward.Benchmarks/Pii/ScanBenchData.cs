using System.Globalization;
using System.Text;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// Writes a deterministic CSV of support-ticket-like rows (id, name, e-mail, phone, city, amount, date and a free-text
/// note in which about one row in twenty carries an SSN and one in fifty a card number), to the size asked for.
/// </summary>
public static class ScanBenchData
{
    private static readonly string[] First = ["Ann", "Bob", "Chloé", "Dmitri", "Eve", "Fatima", "Giulia", "Hiro", "Ines", "Jamal", "Kasia", "Liam", "Mei", "Nuno", "Olu", "Priya"];
    private static readonly string[] Last = ["Smith", "García", "Müller", "Kowalski", "Okafor", "Tanaka", "Rossi", "Nguyen", "O'Brien", "Haddad", "Silva", "Johansson"];
    private static readonly string[] Cities = ["Lisbon", "Chicago", "Kraków", "Osaka", "Lagos", "Toronto", "São Paulo", "Leeds", "Mumbai", "Haifa"];
    private static readonly string[] Notes =
    [
        "Customer called about a late delivery and asked for a refund", "Password reset requested, verified identity by phone",
        "Complaint about billing, \"double charged\" twice this month", "Asked to update the shipping address, new flat on the 3rd floor",
        "Wants to close the account, unhappy with response times", "Chat transcript attached; agent promised a callback tomorrow",
    ];

    public static void Write(string path, long bytes, int seed = 42)
    {
        var rng = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,name,email,phone,city,amount,date,note\n");
        var sb = new StringBuilder(512);
        long written = 0;
        for (var id = 1; written < bytes; id++)
        {
            sb.Clear();
            var first = First[rng.Next(First.Length)];
            var last = Last[rng.Next(Last.Length)];
            sb.Append(id).Append(',').Append(first).Append(' ').Append(last).Append(',')
              .Append(first.ToLowerInvariant()).Append('.').Append(last.Length).Append(rng.Next(100)).Append("@example.com,")
              .Append("+1 ").Append(rng.Next(200, 999)).Append('-').Append(rng.Next(200, 999)).Append('-').Append(rng.Next(1000, 9999)).Append(',')
              .Append(Cities[rng.Next(Cities.Length)]).Append(',')
              .Append((rng.Next(100_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
              .Append("2026-").Append(rng.Next(1, 13).ToString("00", CultureInfo.InvariantCulture)).Append('-').Append(rng.Next(1, 29).ToString("00", CultureInfo.InvariantCulture)).Append(',');
            var note = Notes[rng.Next(Notes.Length)];
            var roll = rng.Next(100);
            var extra = roll < 5 ? $" SSN {rng.Next(100, 899)}-{rng.Next(10, 99)}-{rng.Next(1000, 9999)} on file" : roll < 7 ? $" card 4{rng.NextInt64(100_000_000_000_000, 999_999_999_999_999)} charged" : "";
            sb.Append('"').Append(note.Replace("\"", "\"\"", StringComparison.Ordinal)).Append(extra).Append("\"\n");
            writer.Write(sb);
            written += Encoding.UTF8.GetByteCount(sb.ToString());
        }
    }
}
