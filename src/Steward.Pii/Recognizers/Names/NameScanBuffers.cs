namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// The per-text arrays of <see cref="NameScan"/>, kept per thread and reused, so a short message costs no pool
/// rentals. Texts larger than <see cref="MaxKeptTokens"/> tokens get arrays of their own that are not kept.
/// </summary>
internal sealed class NameScanBuffers
{
    private const int MaxKeptTokens = 1 << 16;

    [ThreadStatic]
    private static NameScanBuffers? t_cached;

    private NameScanBuffers(int tokens, int chars)
    {
        Folded = new char[chars];
        FoldStart = new int[tokens];
        FoldLength = new int[tokens];
        Ids = new int[tokens];
        Flags = new NameFlags[tokens];
        PhraseLength = new int[tokens];
        PhraseFlags = new NameFlags[tokens];
        Claimed = new bool[tokens];
        CoreLength = new int[tokens];
        NextCandidate = new int[tokens];
        CapLike = new byte[tokens];
    }

    public char[] Folded { get; }
    public int[] FoldStart { get; }
    public int[] FoldLength { get; }
    public int[] Ids { get; }
    public NameFlags[] Flags { get; }
    public int[] PhraseLength { get; }
    public NameFlags[] PhraseFlags { get; }
    public bool[] Claimed { get; }
    public int[] CoreLength { get; }
    public int[] NextCandidate { get; }
    public byte[] CapLike { get; }

    /// <summary>The scan object over these buffers (made on first use, reused for every text after).</summary>
    public NameScan? Scan { get; set; }

    /// <summary>The rules' results (emptied for each text).</summary>
    public List<NameSpan> Results { get; } = [];

    /// <summary>Buffers for at least <paramref name="tokens"/> tokens and <paramref name="chars"/> folded characters.</summary>
    public static NameScanBuffers Take(int tokens, int chars)
    {
        var cached = t_cached;
        if (cached is not null && cached.Claimed.Length >= tokens && cached.Folded.Length >= chars)
        {
            t_cached = null;
            return cached;
        }
        return new NameScanBuffers(Math.Max(tokens, 256), Math.Max(chars, 2048));
    }

    /// <summary>Keeps <paramref name="buffers"/> for this thread's next text (unless they are huge).</summary>
    public static void Give(NameScanBuffers buffers)
    {
        if (buffers.Claimed.Length <= MaxKeptTokens) t_cached = buffers;
    }
}
