using Steward.Pii.Anonymization;

namespace Steward.Pii.Tests.Anonymization;

public sealed class ConflictResolutionTests
{
    private static readonly AnonymizerEngine Engine = new();

    private static Dictionary<string, OperatorConfig> Ops(params (string Type, OperatorConfig Config)[] ops) =>
        ops.ToDictionary(o => o.Type, o => o.Config);

    [Fact]
    public void Replace_ReportsPositionsInTheOutput_LastSpanFirst()
    {
        var result = Engine.Anonymize("My name is Bond, James Bond",
            [new("PERSON", 11, 15, 0.8), new("PERSON", 17, 27, 0.8)],
            Ops(("PERSON", new OperatorConfig("replace") { NewValue = "BIP" })));

        Assert.Equal("My name is BIP, BIP", result.Text);
        Assert.Equal([new AnonymizedItem("replace", "PERSON", 16, 19, "BIP"), new AnonymizedItem("replace", "PERSON", 11, 14, "BIP")], result.Items);
    }

    [Fact]
    public void OverlappingSpansOfTheSameType_AreMergedWithTheHigherScore()
    {
        var result = Engine.Anonymize("John Smith lives here", [new("PERSON", 0, 6, 0.6), new("PERSON", 4, 10, 0.9)]);

        Assert.Equal("<PERSON> lives here", result.Text);
        Assert.Equal(new AnonymizedItem("replace", "PERSON", 0, 8, "<PERSON>"), Assert.Single(result.Items));
    }

    [Fact]
    public void SpanContainedInAnotherOfADifferentType_IsDropped()
    {
        var result = Engine.Anonymize("call 555-123-4567 now", [new("US_BANK_NUMBER", 9, 17, 0.9), new("PHONE_NUMBER", 5, 17, 0.4)]);

        Assert.Equal("call <PHONE_NUMBER> now", result.Text);
        Assert.Single(result.Items);
    }

    [Fact]
    public void SamePositionDifferentTypes_HigherScoreWins_AndOnATieTheLaterOne()
    {
        var higher = Engine.Anonymize("ssn 078-05-1120", [new("US_SSN", 4, 15, 0.85), new("PHONE_NUMBER", 4, 15, 0.4)]);
        var tie = Engine.Anonymize("ssn 078-05-1120", [new("US_SSN", 4, 15, 0.5), new("PHONE_NUMBER", 4, 15, 0.5)]);

        Assert.Equal("ssn <US_SSN>", higher.Text);
        Assert.Equal("ssn <PHONE_NUMBER>", tie.Text);
    }

    [Fact]
    public void PartialOverlapOfDifferentTypes_KeepsBoth_ByDefault()
    {
        var result = Engine.Anonymize("abcdefghij", [new("X", 0, 6, 0.9), new("Y", 4, 10, 0.5)]);

        Assert.Equal("<X><Y>", result.Text);
        Assert.Equal([new AnonymizedItem("replace", "Y", 3, 6, "<Y>"), new AnonymizedItem("replace", "X", 0, 3, "<X>")], result.Items);
    }

    [Fact]
    public void PartialOverlap_WithKeep_ShowsWhichCharactersEachSpanOwns()
    {
        var ops = Ops(("Y", new OperatorConfig("keep")));
        var merged = Engine.Anonymize("abcdefghij", [new("X", 0, 6, 0.9), new("Y", 4, 10, 0.5)], ops);
        var trimmed = Engine.Anonymize("abcdefghij", [new("X", 0, 6, 0.9), new("Y", 4, 10, 0.5)], ops, ConflictResolution.RemoveIntersections);
        var trimmedOther = Engine.Anonymize("abcdefghij", [new("X", 0, 6, 0.4), new("Y", 4, 10, 0.5)], ops, ConflictResolution.RemoveIntersections);

        Assert.Equal("<X>efghij", merged.Text);
        Assert.Equal("<X>ghij", trimmed.Text);
        Assert.Equal(new AnonymizedItem("keep", "Y", 3, 7, "ghij"), trimmed.Items[0]);
        Assert.Equal("<X>efghij", trimmedOther.Text);
        Assert.Equal(new AnonymizedItem("replace", "X", 0, 3, "<X>"), trimmedOther.Items[1]);
    }

    [Fact]
    public void NeighboursOfTheSameTypeSeparatedBySpaces_AreJoined()
    {
        var joined = Engine.Anonymize("Jane  Doe wrote", [new("PERSON", 0, 4, 0.8), new("PERSON", 6, 9, 0.8)]);
        var apart = Engine.Anonymize("Jane, Doe wrote", [new("PERSON", 0, 4, 0.8), new("PERSON", 6, 9, 0.8)]);

        Assert.Equal("<PERSON> wrote", joined.Text);
        Assert.Equal("<PERSON>, <PERSON> wrote", apart.Text);
    }

    [Fact]
    public void DefaultOperator_AppliesToTypesWithoutTheirOwn()
    {
        var result = Engine.Anonymize("Jane at jane@example.com", [new("PERSON", 0, 4, 0.8), new("EMAIL_ADDRESS", 8, 24, 1.0)],
            Ops(("DEFAULT", new OperatorConfig("redact")), ("EMAIL_ADDRESS", new OperatorConfig("replace") { NewValue = "[email]" })));

        Assert.Equal(" at [email]", result.Text);
        Assert.Equal([new AnonymizedItem("replace", "EMAIL_ADDRESS", 4, 11, "[email]"), new AnonymizedItem("redact", "PERSON", 0, 0, "")], result.Items);
    }

    [Fact]
    public void NoSpans_GiveTheTextBack()
    {
        var result = Engine.Anonymize("nothing here", []);

        Assert.Equal("nothing here", result.Text);
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData(-1, 3, "positive")]
    [InlineData(5, 3, "must be smaller than end index")]
    [InlineData(2, 40, "text length is only 12")]
    public void InvalidSpans_AreRefused(int start, int end, string message)
    {
        var e = Assert.Throws<PiiRequestException>(() => Engine.Anonymize("nothing here", [new("PERSON", start, end, 0.5)]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
