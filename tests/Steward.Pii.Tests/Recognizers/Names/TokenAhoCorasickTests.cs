using Steward.Pii.Recognizers.Names;

namespace Steward.Pii.Tests.Recognizers.Names;

public sealed class TokenAhoCorasickTests
{
    private static List<(int Start, int Length, int Value)> Run(TokenAhoCorasick automaton, params int[] symbols)
    {
        var found = new List<(int, int, int)>();
        automaton.Match(symbols, ref found, static (ref List<(int, int, int)> list, int start, int length, int value) => list.Add((start, length, value)));
        return found;
    }

    [Fact]
    public void FindsOverlappingAndNestedPatterns()
    {
        var a = new TokenAhoCorasick();
        a.Add([1, 2], 10);
        a.Add([2, 3], 20);
        a.Add([1, 2, 3], 30);
        a.Add([2], 40);
        a.Build();
        var found = Run(a, 1, 2, 3);
        Assert.Equal([(0, 2, 10), (1, 1, 40), (0, 3, 30), (1, 2, 20)], found);
    }

    [Fact]
    public void FollowsFailureLinksAcrossPartialMatches()
    {
        var a = new TokenAhoCorasick();
        a.Add([5, 5, 6], 1);
        a.Build();
        Assert.Equal([(2, 3, 1)], Run(a, 5, 5, 5, 5, 6));
        Assert.Empty(Run(a, 5, 6));
    }

    [Fact]
    public void UnknownWordsBreakPhrases()
    {
        var a = new TokenAhoCorasick();
        a.Add([1, 2], 7);
        a.Build();
        Assert.Empty(Run(a, 1, -1, 2));
        Assert.Equal([(3, 2, 7)], Run(a, 1, -1, 9, 1, 2));
    }

    [Fact]
    public void RejectsMisuse()
    {
        var a = new TokenAhoCorasick();
        Assert.Throws<ArgumentException>(() => a.Add([], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Add([-2], 1));
        Assert.Throws<InvalidOperationException>(() => Run(a, 1));
        a.Build();
        Assert.Throws<InvalidOperationException>(() => a.Add([1], 1));
    }
}
