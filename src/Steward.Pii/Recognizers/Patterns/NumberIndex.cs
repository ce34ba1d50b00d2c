using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// The one shared pass of the pattern recognizers: every run of ASCII digits in the text, found with vectorised
/// searches and computed once per analysis (whichever recognizer asks first). Almost every pattern entity holds a
/// digit, so recognizers start from these runs and look around them instead of scanning the text again.
/// </summary>
internal sealed class NumberIndex
{
    private NumberIndex(string text, int[] starts, int[] ends, int count)
    {
        Text = text;
        Starts = starts;
        Ends = ends;
        Count = count;
        Shapes = count == 0 ? [] : new RunShape[count];
        for (var r = 0; r < count; r++) Shapes[r] = ShapeOf(text, starts[r], ends[r]);
    }

    /// <summary>The analysed text.</summary>
    public string Text { get; private set; }

    /// <summary>The first character of each run, ascending (the first <see cref="Count"/> entries are used).</summary>
    public int[] Starts { get; private set; }

    /// <summary>One past the last character of each run (the first <see cref="Count"/> entries are used).</summary>
    public int[] Ends { get; private set; }

    /// <summary>What touches each run (the first <see cref="Count"/> entries are used).</summary>
    public RunShape[] Shapes { get; private set; }

    /// <summary>The number of runs.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The digit runs of <paramref name="context"/>'s text (computed once, shared by every recognizer). A context the
    /// engine reuses from text to text keeps its index too, refilled in place, so a dataset cell allocates none.
    /// </summary>
    public static NumberIndex Of(AnalysisContext context)
    {
        if (context.Digits is { } index) return index;
        if (context.SpareDigits is { } spare)
        {
            context.SpareDigits = null;
            spare.Refill(context.Text);
            return context.Digits = spare;
        }
        return context.Digits = Build(context.Text);
    }

    /// <summary>Finds the digit runs of <paramref name="text"/>.</summary>
    public static NumberIndex Build(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('0', '9');
        if (first < 0) return new NumberIndex(text, [], [], 0); // most words-only cells of a dataset
        // Runs are collected in per-thread arrays and copied out at their exact size (no pool, no growth per text).
        var starts = t_starts ??= new int[256];
        var ends = t_ends ??= new int[256];
        var runs = new DigitRuns(starts, ends);
        Collect(ref runs, span, first);
        (starts, ends, var count) = (runs.Starts, runs.Ends, runs.Count);
        var index = new NumberIndex(text, starts[..count], ends[..count], count);
        if (starts.Length <= 1 << 16) (t_starts, t_ends) = (starts, ends); // a huge text's arrays are not kept
        return index;
    }

    /// <summary>True when the index's arrays are small enough to keep for the next text.</summary>
    internal bool Keepable => Starts.Length <= 1 << 16;

    /// <summary>Indexes <paramref name="text"/> into this instance's own arrays (grown when needed).</summary>
    private void Refill(string text)
    {
        Text = text;
        _stride = -1;
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('0', '9');
        if (first < 0)
        {
            Count = 0;
            return;
        }
        var runs = new DigitRuns(Starts.Length == 0 ? new int[64] : Starts, Ends.Length == 0 ? new int[64] : Ends);
        Collect(ref runs, span, first);
        (Starts, Ends, Count) = (runs.Starts, runs.Ends, runs.Count);
        if (Shapes.Length < Count) Shapes = new RunShape[Starts.Length];
        var (shapes, starts, ends) = (Shapes, Starts, Ends);
        for (var r = 0; r < Count; r++) shapes[r] = ShapeOf(text, starts[r], ends[r]);
    }

    private static void Collect(ref DigitRuns runs, ReadOnlySpan<char> span, int first)
    {
        if (Vector256.IsHardwareAccelerated && span.Length - first >= 64) runs.CollectVectorized(span, first);
        else runs.CollectScalar(span, first);
    }

    [ThreadStatic]
    private static int[]? t_starts;

    [ThreadStatic]
    private static int[]? t_ends;

    /// <summary>The number of <see cref="RunKind"/> values.</summary>
    private const int Kinds = 11;

    // Length masks (bit n: a run of n digits, 31 for 31 or more) for Classify: "Long" lengths qualify alone, "Short"
    // ones only when the number joins on to more digits (RunShape.JoinsRight).
    private const uint CardLong = 0xFF000, CardShort = 0xFF8, SsnLong = 1 << 9, SsnShort = (1 << 3) | (1 << 5), ItinLengths = (1 << 3) | (1 << 9),
        NhsLong = 1 << 10, NhsShort = 1 << 3, PassportLengths = (1 << 8) | (1 << 9), BankLengths = 0x3FF00, IbanLengths = 0xFFFF_FFFC,
        MedicalLengths = (1 << 7) | (1 << 8), NinoLengths = (1 << 2) | (1 << 6), CryptoLengths = 0xFFFF_C000, LicenceLengths = 0x7FC0;

    private int[] _candidates = [];
    private readonly int[] _candidateCounts = new int[Kinds];
    private int _stride = -1; // -1: not classified for this text

    /// <summary>
    /// The runs (indices, ascending) that can start an entity of <paramref name="kind"/>; every kind is classified
    /// in one pass over the runs, on the first call for a text.
    /// </summary>
    public ReadOnlySpan<int> Candidates(RunKind kind)
    {
        if (_stride < 0) Classify();
        return _candidates.AsSpan((int)kind * _stride, _candidateCounts[(int)kind]);
    }

    /// <summary>Fills the candidate lists: per run, one length bit and shape bits, and a branch-free append per kind.</summary>
    private void Classify()
    {
        var n = Count;
        if (_candidates.Length < Kinds * n) _candidates = new int[Kinds * Math.Max(n, Starts.Length)];
        var all = _candidates;
        var (starts, ends, shapes) = (Starts, Ends, Shapes);
        int card = 0, ssn = n, itin = 2 * n, nhs = 3 * n, passport = 4 * n, bank = 5 * n, iban = 6 * n, medical = 7 * n, nino = 8 * n, crypto = 9 * n, licence = 10 * n;
        for (var r = 0; r < n; r++)
        {
            var l = Math.Min(ends[r] - starts[r], 31);
            var shape = (int)shapes[r];
            var joins = (uint)(shape >> 2) & 1; // RunShape.JoinsRight
            var letterBefore = (uint)shape & 1; // RunShape.LetterBefore
            var ninoShape = (uint)(shape | (shape >> 7)) & 1; // RunShape.LetterBefore or RunShape.WordNearby
            var letterBeside = (uint)(shape | (shape >> 1)) & 1; // RunShape.LetterBefore or RunShape.LetterAfter
            var standsAlone = ~(uint)((shape >> 2) | (shape >> 4)) & 1; // neither RunShape.JoinsRight nor RunShape.ContinuesLeft
            all[card] = r;
            card += (int)(((CardLong >> l) | ((CardShort >> l) & joins)) & 1);
            all[ssn] = r;
            ssn += (int)(((SsnLong >> l) | ((SsnShort >> l) & joins)) & 1);
            all[itin] = r;
            itin += (int)((ItinLengths >> l) & 1);
            all[nhs] = r;
            nhs += (int)(((NhsLong >> l) | ((NhsShort >> l) & joins)) & 1);
            all[passport] = r;
            passport += (int)((PassportLengths >> l) & 1);
            all[bank] = r;
            bank += (int)((BankLengths >> l) & 1);
            all[iban] = r;
            iban += (int)((IbanLengths >> l) & letterBefore & 1);
            all[medical] = r;
            medical += (int)((MedicalLengths >> l) & letterBefore & 1);
            all[nino] = r;
            nino += (int)((NinoLengths >> l) & ninoShape & 1);
            all[crypto] = r;
            crypto += (int)(((CryptoLengths >> l) | letterBeside) & 1);
            all[licence] = r;
            licence += (int)((((LicenceLengths >> l) & standsAlone) | letterBeside) & 1);
        }
        var counts = _candidateCounts;
        (counts[0], counts[1], counts[2], counts[3], counts[4]) = (card, ssn - n, itin - 2 * n, nhs - 3 * n, passport - 4 * n);
        (counts[5], counts[6], counts[7], counts[8]) = (bank - 5 * n, iban - 6 * n, medical - 7 * n, nino - 8 * n);
        (counts[9], counts[10]) = (crypto - 9 * n, licence - 10 * n);
        _stride = n;
    }

    /// <summary>The index of the first run starting at or after <paramref name="position"/>.</summary>
    public int FirstAtOrAfter(int position)
    {
        var index = Array.BinarySearch(Starts, 0, Count, position);
        return index >= 0 ? index : ~index;
    }

    // Character classes for ShapeOf (ASCII only; everything else has none). Each RunShape flag is computed from these
    // bits with shifts and masks, without a branch: the runs' neighbours vary too much for branches to be predicted.
    private const int Letter = 1, Digit = 2, Joiner = 4, Continuer = 8, OpensBracket = 16, Punct = 32, Space = 64, Dot = 128, Colon = 256, ClosesBracket = 512;
    private static readonly ushort[] Classes = BuildClasses();

    private static ushort[] BuildClasses()
    {
        var table = new ushort[128];
        for (var c = 'a'; c <= 'z'; c++) table[c] = Letter;
        for (var c = 'A'; c <= 'Z'; c++) table[c] = Letter;
        for (var c = '0'; c <= '9'; c++) table[c] = Digit;
        table[' '] = Joiner | Space;
        table['-'] = Joiner | Continuer | Punct;
        table['.'] = Joiner | Continuer | Punct | Dot;
        table['/'] = Joiner | Continuer;
        table[':'] = Continuer | Punct | Colon;
        table[','] = Continuer;
        table['('] = OpensBracket;
        table['+'] = OpensBracket;
        table[')'] = ClosesBracket;
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClassOf(char c) => c < 128 ? Classes[c] : 0;

    /// <summary>What touches the run [s, e): one table lookup per neighbouring character, no data-dependent branch (runs are many).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static RunShape ShapeOf(string text, int s, int e)
    {
        var b = s > 0 ? ClassOf(text[s - 1]) : 0;
        var a = e < text.Length ? ClassOf(text[e]) : 0;
        var bp = s > 1 ? ClassOf(text[s - 2]) : 0;
        var an = e + 1 < text.Length ? ClassOf(text[e + 1]) : 0;
        var shape = b & Letter; // LetterBefore (1)
        shape |= (a & Letter) << 1; // LetterAfter (2)
        shape |= a & (an << 1) & Joiner; // JoinsRight (4): a joiner after, then a digit
        shape |= (a & Colon) >> 5; // ColonAfter (8)
        shape |= (b & (bp << 2) & Continuer) << 1; // ContinuesLeft (16): a continuer before, a digit before that
        shape |= ((b & OpensBracket) | ((a & ClosesBracket) >> 5)) << 1; // Bracketed (32)
        shape |= ((a | b) & Punct) << 1; // Punctuated (64)
        shape |= ((a & (an << 6) & Space) | (b & ((bp | (bp >> 7)) << 6) & Space)) << 1; // WordNearby (128): space then letter; letter or dot then space
        return (RunShape)shape;
    }
}
