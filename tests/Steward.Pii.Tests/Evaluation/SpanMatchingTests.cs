using Steward.Pii.Evaluation;

namespace Steward.Pii.Tests.Evaluation;

public sealed class SpanMatchingTests
{
    [Fact]
    public void Overlap_IgnoresSurroundingWhitespaceAndPunctuation()
    {
        const string text = "call (Ann Lee), now";
        var gold = new LabeledSpan("PERSON", 6, 13); // "Ann Lee"
        var predicted = new LabeledSpan("PERSON", 5, 15); // "(Ann Lee),"
        Assert.Equal(1.0, SpanMatching.Overlap(text, gold, predicted));
        Assert.Equal(3.0 / 7, SpanMatching.Overlap(text, gold, new LabeledSpan("PERSON", 6, 9)), 9);
        Assert.Equal(0, SpanMatching.Overlap(text, gold, new LabeledSpan("PERSON", 15, 19)));
    }

    [Fact]
    public void MergeAdjacent_JoinsSameTypeSpansSeparatedByFillerOnly()
    {
        const string text = "23 8 wressle road\n suite 7, Paris and Rome";
        var spans = new[]
        {
            new LabeledSpan("LOCATION", 0, 2), new LabeledSpan("LOCATION", 3, 17), new LabeledSpan("LOCATION", 19, 26),
            new LabeledSpan("LOCATION", 28, 33), new LabeledSpan("LOCATION", 38, 42), new LabeledSpan("PERSON", 34, 37),
        };
        var merged = SpanMatching.MergeAdjacent(text, spans);
        Assert.Equal([new LabeledSpan("LOCATION", 0, 33), new LabeledSpan("PERSON", 34, 37), new LabeledSpan("LOCATION", 38, 42)], merged);
    }

    [Fact]
    public void Match_IsOneToOneBestFirstAndTypeAware()
    {
        const string text = "Ann Lee and Bob";
        var gold = new[] { new LabeledSpan("PERSON", 0, 7), new LabeledSpan("PERSON", 12, 15) };
        var predicted = new[] { new LabeledSpan("PERSON", 0, 7), new LabeledSpan("PERSON", 0, 7), new LabeledSpan("LOCATION", 12, 15) };
        var hits = SpanMatching.Match(text, gold, predicted, 0.9);
        Assert.Equal([(0, 0)], hits);
    }

    [Fact]
    public void Match_RequiresTheMinimumOverlap()
    {
        const string text = "Mr Ann Lee-Smith";
        var gold = new[] { new LabeledSpan("PERSON", 3, 16) };
        Assert.Empty(SpanMatching.Match(text, gold, [new LabeledSpan("PERSON", 3, 10)], 0.9));
        Assert.Single(SpanMatching.Match(text, gold, [new LabeledSpan("PERSON", 0, 16)], 0.8));
    }
}
