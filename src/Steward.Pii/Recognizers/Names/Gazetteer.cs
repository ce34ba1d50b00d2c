using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// The word and phrase lists behind the name, place and organisation recognizers: one frozen hash table of folded
/// words (flags and a word id), an Aho–Corasick automaton over word ids for multi-word entries, and two lists of
/// word endings (street words, place names). The default instance loads lazily, once per process, from the
/// embedded Data/gazetteer.tsv.gz. Immutable and thread-safe.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>The longest word looked up (longer tokens are never gazetteer words).</summary>
    public const int MaxWordLength = 48;

    private readonly FrozenDictionary<string, WordInfo> _words;
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly TokenAhoCorasick _phrases = new();
    private readonly List<NameFlags> _phraseFlags = [];
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _frequentLookup;
    private readonly string[] _streetEndings;

    /// <summary>The most frequent short English words, about half of the tokens of ordinary text.</summary>
    private static readonly string[] FrequentWords =
    [
        "the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "he", "was", "for", "on", "are", "with", "as", "i", "his",
        "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "not", "but", "what", "some", "we", "can", "out",
        "other", "were", "all", "your", "when", "up", "use", "how", "said", "an", "each", "she", "which", "do", "their", "if",
        "will", "way", "many", "then", "them", "would", "like", "so", "these", "her", "see", "him", "has", "more", "day",
        "could", "go", "come", "did", "my", "no", "most", "who", "over", "know", "than", "call", "down", "been", "now", "find",
        "any", "new", "work", "part", "take", "get", "made", "live", "back", "only", "me", "our", "just", "also", "into",
        "very", "its", "us", "may", "am", "off", "why", "too", "must", "own", "ask", "keep", "last", "next", "both", "same",
        "help", "need", "want", "here", "much", "well", "good", "year", "time", "ms", "s", "id", "ok",
    ];
    private readonly string[] _placeEndings;

    /// <summary>Builds a gazetteer from folded or unfolded terms; terms starting with '-' are word endings.</summary>
    public Gazetteer(IEnumerable<(string Term, NameFlags Flags)> entries, TextFold fold, bool folded = false)
    {
        Fold = fold;
        var words = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, (int[] Ids, NameFlags Flags)>(StringComparer.Ordinal);
        List<string> streetEndings = [], placeEndings = [];
        foreach (var (raw, flags) in entries)
        {
            var term = folded ? raw : fold.Fold(raw.Trim());
            if (term.Length == 0) continue;
            if (term[0] == '-')
            {
                if ((flags & NameFlags.StreetWord) != 0) streetEndings.Add(term[1..]);
                if ((flags & NameFlags.PlaceShape) != 0) placeEndings.Add(term[1..]);
                continue;
            }
            if (IsOneWord(term))
            {
                words[term] = words.TryGetValue(term, out var known) ? known with { Flags = known.Flags | flags } : new WordInfo(words.Count, flags);
                continue;
            }
            var tokens = Tokenizer.Tokenize(term);
            if (tokens.Length == 0) continue;
            if (tokens.Length == 1)
            {
                var word = tokens[0].In(term).ToString();
                words[word] = words.TryGetValue(word, out var known) ? known with { Flags = known.Flags | flags } : new WordInfo(words.Count, flags);
                continue;
            }
            var ids = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var word = tokens[i].In(term).ToString();
                if (!words.TryGetValue(word, out var info)) words[word] = info = new WordInfo(words.Count, NameFlags.None);
                ids[i] = info.Id;
            }
            var key = string.Join(' ', ids);
            phrases[key] = phrases.TryGetValue(key, out var p) ? (ids, p.Flags | flags) : (ids, flags);
        }
        foreach (var (ids, flags) in phrases.Values)
        {
            _phrases.Add(ids, _phraseFlags.Count);
            _phraseFlags.Add(flags);
        }
        _phrases.Build();
        // Only words that occur in a multi-word entry keep an id: every other word resets the automaton at once.
        var inPhrases = new HashSet<int>(phrases.Values.SelectMany(p => p.Ids));
        _words = words.ToFrozenDictionary(w => w.Key, w => inPhrases.Contains(w.Value.Id) ? w.Value : w.Value with { Id = -1 }, StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _frequentLookup = FrequentWords.Where(w => w.Length <= 4)
            .ToFrozenDictionary(w => w, w => _words.TryGetValue(w, out var info) ? info : WordInfo.Unknown, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _streetEndings = [.. streetEndings.Distinct().OrderByDescending(e => e.Length)];
        _placeEndings = [.. placeEndings.Distinct().OrderByDescending(e => e.Length)];
    }

    /// <summary>The gazetteer shipped with the engine (loaded on first use).</summary>
    public static Gazetteer Default => Holder.Instance;

    /// <summary>The folding applied to terms and tokens.</summary>
    public TextFold Fold { get; }

    /// <summary>The number of distinct words.</summary>
    public int WordCount => _words.Count;

    /// <summary>The number of multi-word entries.</summary>
    public int PhraseCount => _phraseFlags.Count;

    /// <summary>Looks up an already folded word (the most frequent English words first, in a small table that stays in cache).</summary>
    public WordInfo Lookup(ReadOnlySpan<char> folded)
    {
        if (folded.Length <= 4 && _frequentLookup.TryGetValue(folded, out var frequent)) return frequent;
        return _lookup.TryGetValue(folded, out var info) ? info : WordInfo.Unknown;
    }

    /// <summary>The flags of multi-word entry <paramref name="value"/> reported by <see cref="MatchPhrases"/>.</summary>
    public NameFlags PhraseFlags(int value) => _phraseFlags[value];

    /// <summary>Finds every multi-word entry in a sequence of word ids (negative = unknown word).</summary>
    public void MatchPhrases<TState>(ReadOnlySpan<int> wordIds, ref TState state, TokenAhoCorasick.MatchHandler<TState> onMatch) =>
        _phrases.Match(wordIds, ref state, onMatch);

    /// <summary>Derived flags from a folded word's ending: <see cref="NameFlags.StreetWord"/>, <see cref="NameFlags.PlaceShape"/>.</summary>
    public NameFlags Endings(ReadOnlySpan<char> folded)
    {
        var flags = NameFlags.None;
        foreach (var e in _streetEndings)
        {
            if (folded.Length >= e.Length + 3 && folded.EndsWith(e, StringComparison.Ordinal)) { flags |= NameFlags.StreetWord; break; }
        }
        foreach (var e in _placeEndings)
        {
            if (folded.Length >= e.Length + 3 && folded.EndsWith(e, StringComparison.Ordinal)) { flags |= NameFlags.PlaceShape; break; }
        }
        return flags;
    }

    /// <summary>True when the whole term is one token (letters and digits only: the common case, no tokenizing needed).</summary>
    private static bool IsOneWord(string term)
    {
        foreach (var c in term) if (!char.IsAsciiLetterOrDigit(c) && !(c > 127 && char.IsLetter(c))) return false;
        return true;
    }

    /// <summary>Reads the data file format: "term TAB codes" per line.</summary>
    public static IEnumerable<(string Term, NameFlags Flags)> ReadData(Stream gzip)
    {
        using var reader = new StreamReader(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            yield return (line[..tab], NameFlagCodes.Parse(line.AsSpan(tab + 1)));
        }
    }

    private static class Holder
    {
        public static readonly Gazetteer Instance = new(ReadData(GazetteerResources.Open("gazetteer.tsv.gz")), TextFold.Default, folded: true);
    }
}
