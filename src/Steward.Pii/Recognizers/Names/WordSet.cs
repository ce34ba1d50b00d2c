using System.Collections.Frozen;

namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// A small fixed set of folded words, looked up by span without allocating. The name rules ask it about nearly every
/// word next to a candidate and nearly always hear "no", so a look-up first checks the word's length, first and last
/// character against masks of the set's words, and only a word passing all three reaches the hash set.
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ulong _lengths; // bit n: a word of n characters (bit 63: 63 or more)
    private readonly UInt128 _firsts, _lasts; // bit c: a word starting (ending) with ASCII character c

    /// <summary>Creates the set from space-separated folded words.</summary>
    public WordSet(string words)
    {
        var set = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in set)
        {
            _lengths |= 1UL << Math.Min(word.Length, 63);
            if (word[0] < 128) _firsts |= UInt128.One << word[0];
            if (word[^1] < 128) _lasts |= UInt128.One << word[^1];
        }
    }

    /// <summary>True when <paramref name="word"/> is in the set.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || (_lengths & (1UL << Math.Min(word.Length, 63))) == 0) return false;
        // A word starting (ending) with an ASCII character can only equal a word starting (ending) with it.
        char first = word[0], last = word[^1];
        if (first < 128 && ((_firsts >> first) & UInt128.One) == UInt128.Zero) return false;
        if (last < 128 && ((_lasts >> last) & UInt128.One) == UInt128.Zero) return false;
        return _lookup.Contains(word);
    }
}
