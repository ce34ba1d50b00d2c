using System.IO.Compression;
using System.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Case- and diacritic-insensitive folding ("Thâalbi" → "thaalbi", "Straße" → "strasse", "ΑΓΛΑΝΤΖΙΑ" → "αγλαντζια"),
/// the same the gazetteer generator applied to its terms. The table ships with the data (Data/fold.tsv.gz).
/// </summary>
internal sealed class TextFold
{
    private const int TableSize = 0x2020;
    private readonly string?[] _table = new string?[TableSize];

    private TextFold(Stream gzip)
    {
        using var reader = new StreamReader(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var c = Convert.ToInt32(line[..tab], 16);
            if (c < TableSize) _table[c] = line[(tab + 1)..];
        }
    }

    /// <summary>The folding shipped with the engine.</summary>
    public static TextFold Default => Holder.Instance;

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>; returns the length, or -1 when it does not fit.</summary>
    public int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var n = 0;
        foreach (var c in source)
        {
            if (c < 128)
            {
                if (n >= destination.Length) return -1;
                destination[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            var mapped = c < TableSize ? _table[c] : null;
            if (mapped is null)
            {
                if (n >= destination.Length) return -1;
                destination[n++] = char.ToLowerInvariant(c);
                continue;
            }
            if (n + mapped.Length > destination.Length) return -1;
            mapped.AsSpan().CopyTo(destination[n..]);
            n += mapped.Length;
        }
        return n;
    }

    /// <summary>Folds a whole string (for building lists and tests).</summary>
    public string Fold(string text)
    {
        var buffer = new char[text.Length * 3 + 4];
        var n = Fold(text, buffer);
        return new string(buffer, 0, n);
    }

    private static class Holder
    {
        public static readonly TextFold Instance = new(GazetteerResources.Open("fold.tsv.gz"));
    }
}
