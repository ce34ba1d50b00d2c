using System.Collections.Frozen;

namespace Steward.Pii.Recognizers.Names;

/// <summary>A small fixed set of folded words, looked up by span without allocating.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates the set from space-separated folded words.</summary>
    public WordSet(string words)
    {
        var set = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when <paramref name="word"/> is in the set.</summary>
    public bool Contains(ReadOnlySpan<char> word) => !word.IsEmpty && _lookup.Contains(word);
}
