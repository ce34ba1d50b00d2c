using Steward.Pii.Text;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// What the name rules know about one text: per token its folded form, gazetteer flags, the longest multi-word
/// entry starting there, and whether a rule has already claimed it. Arrays come from a per-thread cache
/// (<see cref="NameScanBuffers"/>), with this object itself, and go back on <see cref="Dispose"/>; nothing is
/// allocated per text or per token.
/// </summary>
internal sealed class NameScan : IDisposable
{
    private readonly char[] _folded;
    private readonly int[] _foldStart;
    private readonly int[] _foldLength;
    private readonly int[] _ids;
    private readonly byte[] _capLike; // per token: 0 not yet asked, 1 no, 2 yes (the rules ask about a token many times)
    private readonly int[] _nextCandidate;
    private readonly NameScanBuffers _buffers;

    /// <summary>Flags that make a lower-case token worth a rule's look in cased text.</summary>
    private const NameFlags Interesting = NameFlags.StreetType | NameFlags.Unit | NameFlags.Title | NameFlags.AnyNrp | NameFlags.OrgSuffix |
        NameFlags.OrgPrefix | NameFlags.StreetWord | NameFlags.StreetName | NameFlags.KnownOrg | NameFlags.CityPrefix | NameFlags.PersonSuffix;

    private NameScan(NameScanBuffers buffers)
    {
        _buffers = buffers;
        _folded = buffers.Folded;
        _foldStart = buffers.FoldStart;
        _foldLength = buffers.FoldLength;
        _ids = buffers.Ids;
        _capLike = buffers.CapLike;
        Flags = buffers.Flags;
        PhraseLength = buffers.PhraseLength;
        PhraseFlags = buffers.PhraseFlags;
        Claimed = buffers.Claimed;
        CoreLength = buffers.CoreLength;
        _nextCandidate = buffers.NextCandidate;
        Results = buffers.Results;
    }

    /// <summary>
    /// The scan of <paramref name="text"/>: the object comes with the thread's reused buffers (one per buffer set), so
    /// a text costs no allocation; dispose it before the thread's next text.
    /// </summary>
    public static NameScan Rent(string text, Token[] tokens, Gazetteer gazetteer)
    {
        var buffers = NameScanBuffers.Take(tokens.Length + 2, Math.Max(16, text.Length * 2 + 16));
        var scan = buffers.Scan ??= new NameScan(buffers);
        scan.Init(text, tokens, gazetteer);
        scan.Explains = true;
        return scan;
    }

    private void Init(string text, Token[] tokens, Gazetteer gazetteer)
    {
        Text = text;
        Tokens = tokens;
        Gazetteer = gazetteer;
        var n = tokens.Length;
        Count = n;
        Array.Clear(PhraseLength, 0, n);
        Array.Clear(PhraseFlags, 0, n);
        Array.Clear(Claimed, 0, n);
        Array.Clear(_capLike, 0, n);
        Results.Clear();
        NoCase = DetectNoCase();
        Fill();
        IndexCandidates();
    }

    public string Text { get; private set; } = "";
    public Token[] Tokens { get; private set; } = [];
    public Gazetteer Gazetteer { get; private set; } = null!;
    public int Count { get; private set; }

    /// <summary>Gazetteer flags per token (single-word entries plus derived endings).</summary>
    public NameFlags[] Flags { get; }

    /// <summary>Length in tokens of the longest multi-word entry starting at each token (0 when none).</summary>
    public int[] PhraseLength { get; }

    /// <summary>Flags of that entry.</summary>
    public NameFlags[] PhraseFlags { get; }

    /// <summary>True once a rule has reported the token.</summary>
    public bool[] Claimed { get; }

    /// <summary>Token length without a possessive "'s".</summary>
    public int[] CoreLength { get; }

    /// <summary>True when the text has no capitalisation to go by (all lower case or all capitals).</summary>
    public bool NoCase { get; private set; }

    /// <summary>The results found so far.</summary>
    public List<NameSpan> Results { get; }

    /// <summary>
    /// The first token at or after <paramref name="from"/> that a rule can start at (or <see cref="Count"/>): in cased
    /// text, lower-case words without a telling gazetteer flag (most of any text) are skipped.
    /// </summary>
    public int NextCandidate(int from) => from >= Count ? Count : _nextCandidate[Math.Max(0, from)];

    /// <summary>The folded token (possessive removed).</summary>
    public ReadOnlySpan<char> Word(int i) => _folded.AsSpan(_foldStart[i], _foldLength[i]);

    public bool Has(int i, NameFlags flag) => i >= 0 && i < Count && (Flags[i] & flag) != 0;

    public bool Shape(int i, TokenShape shape) => i >= 0 && i < Count && Tokens[i].Is(shape);

    public bool IsNumber(int i) => Shape(i, TokenShape.AllDigits);

    public bool IsWord(int i, string word) => i >= 0 && i < Count && Word(i).SequenceEqual(word);

    /// <summary>Looks like a proper noun here: capitalised (or all capitals) in cased text, any letters otherwise.</summary>
    public bool CapLike(int i)
    {
        if (i < 0 || i >= Count) return false;
        if (_capLike[i] != 0) return _capLike[i] == 2;
        var answer = IsCapLike(i);
        _capLike[i] = answer ? (byte)2 : (byte)1;
        return answer;
    }

    private bool IsCapLike(int i)
    {
        var t = Tokens[i];
        if (!t.Is(TokenShape.HasLetter) || t.Is(TokenShape.HasDigit)) return false;
        if (NoCase) return true;
        if (!t.Is(TokenShape.Capitalized))
        {
            // "d'Argenteuil", "l'Aquila": an elided article before a capitalised name.
            var w = t.In(Text);
            return w.Length > 3 && w[1] is '\'' or '’' && char.IsUpper(w[2]);
        }
        if (t.Is(TokenShape.AllUpper)) return true;
        // "McDonald" and "DeVries" are fine; "iPhone"-like inner capitals after two lower-case letters are not names.
        var s = t.In(Text);
        // "VonRueden", "MacArthur", "DelGado": a three-letter family prefix before the inner capital is fine too.
        for (var k = 3; k < s.Length; k++)
            if (char.IsUpper(s[k]) && char.IsLower(s[k - 1]) && char.IsLower(s[k - 2]) && s[k - 3] != '-' && !(k == 3 && (s[0] == 'M' || FamilyPrefix(s)))) return false;
        return true;
    }

    private static bool FamilyPrefix(ReadOnlySpan<char> s) =>
        s.StartsWith("Von", StringComparison.Ordinal) || s.StartsWith("Van", StringComparison.Ordinal) || s.StartsWith("Del", StringComparison.Ordinal)
        || s.StartsWith("Dos", StringComparison.Ordinal) || s.StartsWith("Des", StringComparison.Ordinal) || s.StartsWith("Der", StringComparison.Ordinal);

    /// <summary>The characters between token <paramref name="i"/> - 1 and token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> GapBefore(int i)
    {
        if (i <= 0 || i >= Count) return i == 0 && Count > 0 ? Text.AsSpan(0, Tokens[0].Start) : [];
        var from = Tokens[i - 1].End;
        return Text.AsSpan(from, Tokens[i].Start - from);
    }

    /// <summary>True when nothing but spaces separates token <paramref name="i"/> from the one before.</summary>
    public bool SpaceBefore(int i) => i > 0 && i < Count && GapBefore(i).Trim(' ').IsEmpty;

    /// <summary>True when the gap before token <paramref name="i"/> contains a line break.</summary>
    public bool NewlineBefore(int i) => i == 0 || GapBefore(i).IndexOfAny('\n', '\r') >= 0;

    /// <summary>True for the first token of a sentence, a line or a quotation.</summary>
    public bool SentenceStart(int i)
    {
        if (i <= 0) return true;
        var gap = GapBefore(i);
        for (var k = gap.Length - 1; k >= 0; k--)
        {
            var c = gap[k];
            if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or ';' or '"' or '“' or '•' or '*' or '>' or '(' or '-') return true;
        }
        return false;
    }

    /// <summary>
    /// Whether reports need their whole rule text (explanations and pattern names of the API's results). A dataset scan
    /// keeps entity, span and score only: its reports carry the rule's fixed head alone, which is all the rules
    /// themselves test (<c>address:</c>), so no text is composed per cell.
    /// </summary>
    public bool Explains { get; set; } = true;

    /// <summary>A rule text: <paramref name="head"/> followed by the rest when explaining, else the head alone.</summary>
    public string Rule(string head, ReadOnlySpan<char> middle, string tail = "") => Explains ? string.Concat(head, middle, tail) : head;

    /// <summary>Reports a result over tokens [<paramref name="first"/>, <paramref name="last"/>] and claims them.</summary>
    public void Report(string entity, int first, int last, double score, string rule)
    {
        Results.Add(new NameSpan(entity, first, last, score, rule));
        for (var k = first; k <= last; k++) Claimed[k] = true;
    }

    /// <summary>True when any token in [<paramref name="first"/>, <paramref name="last"/>] is claimed.</summary>
    public bool AnyClaimed(int first, int last)
    {
        for (var k = Math.Max(0, first); k <= last && k < Count; k++) if (Claimed[k]) return true;
        return false;
    }

    public void Dispose()
    {
        Text = "";
        Tokens = [];
        NameScanBuffers.Give(_buffers);
    }

    private void Fill()
    {
        var pos = 0;
        for (var i = 0; i < Count; i++)
        {
            var t = Tokens[i];
            var raw = t.In(Text);
            var core = raw.Length;
            if (core > 2 && raw[^1] is 's' or 'S' && raw[^2] is '\'' or '’') core -= 2;
            CoreLength[i] = core;
            _foldStart[i] = pos;
            var length = 0;
            if (t.Is(TokenShape.HasLetter) && core <= Gazetteer.MaxWordLength)
            {
                length = Gazetteer.Fold.Fold(raw[..core], _folded.AsSpan(pos, Math.Min(_folded.Length - pos, Gazetteer.MaxWordLength * 3)));
                if (length < 0) length = 0;
            }
            _foldLength[i] = length;
            pos += length;
            if (length == 0)
            {
                Flags[i] = NameFlags.None;
                _ids[i] = -1;
                continue;
            }
            var info = Gazetteer.Lookup(Word(i));
            _ids[i] = info.Id;
            var flags = info.Flags;
            if ((flags & (NameFlags.Common | NameFlags.AnyName | NameFlags.AnyPlace)) == 0 && length >= 6 && (NoCase || t.Is(TokenShape.Capitalized)))
                flags |= Gazetteer.Endings(Word(i));
            Flags[i] = flags;
        }
        var self = this;
        Gazetteer.MatchPhrases(_ids.AsSpan(0, Count), ref self, static (ref NameScan s, int start, int length, int value) =>
        {
            if (length > s.PhraseLength[start])
            {
                s.PhraseLength[start] = length;
                s.PhraseFlags[start] = s.Gazetteer.PhraseFlags(value);
            }
        });
    }

    private void IndexCandidates()
    {
        var next = Count;
        _nextCandidate[Count] = Count;
        // Words inside an e-mail address ("kasia.612@example.com") start no name: EMAIL_ADDRESS reports the address
        // whole. The addresses are visited from the end, as the tokens are.
        var at = Text.LastIndexOf('@');
        var address = at >= 0 ? AddressAround(at) : (Start: -1, End: -1);
        for (var i = Count - 1; i >= 0; i--)
        {
            var t = Tokens[i];
            while (at >= 0 && t.Start < address.Start)
            {
                at = address.Start > 0 ? Text.LastIndexOf('@', address.Start - 1) : -1;
                address = at >= 0 ? AddressAround(at) : (-1, -1);
            }

            var inAddress = t.Start >= address.Start && t.Start < address.End;
            var candidate = !inAddress
                && (NoCase || t.Is(TokenShape.HasDigit) || t.Is(TokenShape.Capitalized) || (Flags[i] & Interesting) != 0 || PhraseLength[i] > 0
                    || (t.Length > 3 && Text[t.Start + 1] is '\'' or '’'));
            if (candidate) next = i;
            _nextCandidate[i] = next;
        }
    }

    /// <summary>
    /// The e-mail address around the '@' at <paramref name="at"/>, exactly as EMAIL_ADDRESS reports it (so a name
    /// before a local part the address does not cover, "chloé" in "chloé.674@example.com", still counts); an empty
    /// range at the '@' when there is none.
    /// </summary>
    private (int Start, int End) AddressAround(int at) =>
        Patterns.EmailRecognizer.TryMatch(Text, at, out var start, out var end) ? (start, end) : (at, at);

    private bool DetectNoCase()
    {
        int letters = 0, capitalised = 0;
        for (var i = 0; i < Count; i++)
        {
            var t = Tokens[i];
            if (!t.Is(TokenShape.HasLetter)) continue;
            letters++;
            if (t.Is(TokenShape.Capitalized) && !t.Is(TokenShape.AllUpper) && !(t.Length == 1 && Text[t.Start] == 'I')) capitalised++;
        }
        return letters > 0 && capitalised * 20 < letters;
    }
}
