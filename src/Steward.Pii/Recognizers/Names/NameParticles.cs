namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Particles inside names of many cultures ("van der", "de la", "da", "dos", "von", "al", "bin", "ter"): they join a
/// given name to a surname or start a surname, but are never a name on their own.
/// </summary>
internal static class NameParticles
{
    private static readonly WordSet Words = new("van der den de da das do dos du del della di von zu al el le la ter ten bin binti ibn bint af av");

    /// <summary>True when token <paramref name="i"/> is a particle.</summary>
    public static bool Is(NameScan s, int i) => i >= 0 && i < s.Count && Words.Contains(s.Word(i)) && !s.Claimed[i];

    /// <summary>The first token after up to two particles starting at <paramref name="i"/> (<paramref name="i"/> itself when none).</summary>
    public static int Skip(NameScan s, int i)
    {
        var j = i;
        while (j - i < 2 && Is(s, j) && j + 1 < s.Count && s.GapBefore(j + 1).SequenceEqual(" ")) j++;
        return j;
    }
}
