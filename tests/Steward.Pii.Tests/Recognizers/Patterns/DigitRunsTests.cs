using System.Text;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>The vectorised digit-run pass (32 characters per step) finds exactly the runs of the scalar one.</summary>
public sealed class DigitRunsTests
{
    private static (int, int)[] Runs(string text, bool vectorized)
    {
        var first = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0) return [];
        var runs = new DigitRuns(new int[4], new int[4]);
        if (vectorized) runs.CollectVectorized(text, first);
        else runs.CollectScalar(text, first);
        return [.. Enumerable.Range(0, runs.Count).Select(i => (runs.Starts[i], runs.Ends[i]))];
    }

    [Fact]
    public void Vectorized_MatchesScalar_OnRandomText()
    {
        var random = new Random(5);
        const string alphabet = "0123456789 -.:/aZé\u0660\uff10\n";
        for (var n = 0; n < 2000; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 300);
            var digitBias = random.NextDouble();
            for (var i = 0; i < length; i++) sb.Append(random.NextDouble() < digitBias ? (char)('0' + random.Next(10)) : alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();
            Assert.Equal(Runs(text, vectorized: false), Runs(text, vectorized: true));
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(100)]
    public void RunsAcrossBlockBoundaries_AreOneRun(int digits)
    {
        var text = "x" + new string('7', digits) + " 12 " + new string('a', 40) + "9";
        (int, int)[] expected = [(1, 1 + digits), (digits + 2, digits + 4), (text.Length - 1, text.Length)];
        Assert.Equal(expected, Runs(text, vectorized: true));
    }

    [Fact]
    public void NumberIndex_IsTheSameWhicheverPassRuns()
    {
        var text = string.Concat(Enumerable.Repeat("2026-03-04 12:44:01 INFO 10.0.0.1 took 12ms; order 4111111111111111\n", 20));
        var index = NumberIndex.Build(text);
        var scalar = Runs(text, vectorized: false);
        (int, int)[] built = [.. Enumerable.Range(0, index.Count).Select(i => (index.Starts[i], index.Ends[i]))];
        Assert.Equal(scalar, built);
    }
}
