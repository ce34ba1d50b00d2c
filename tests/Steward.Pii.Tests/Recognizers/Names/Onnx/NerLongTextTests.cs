using System.Text;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>Texts longer than the model's window (overlapping windows, batches) and parallel callers of one shared session.</summary>
public sealed class NerLongTextTests : IDisposable
{
    // 16 positions: 14 tokens per window, so a few sentences already need several windows and batches.
    private readonly TinyNerFolder _small = TinyNerFolder.Create(maxPositions: 16);

    public void Dispose() => _small.Dispose();

    private static (string Text, List<(string Type, int Start, int End)> Expected) Document(int sentences)
    {
        var text = new StringBuilder();
        var expected = new List<(string, int, int)>();
        string[] people = ["John Smith", "Mary", "Johnson", "René"];
        for (var i = 0; i < sentences; i++)
        {
            var person = people[i % people.Length];
            expected.Add(("PERSON", text.Length, text.Length + person.Length));
            text.Append(person).Append(" works for ");
            expected.Add(("ORGANIZATION", text.Length, text.Length + "Acme Corp".Length));
            text.Append("Acme Corp in ");
            var place = i % 3 == 0 ? "New York" : "Paris";
            expected.Add(("LOCATION", text.Length, text.Length + place.Length));
            text.Append(place).Append(i % 5 == 0 ? ".\n" : ". ");
        }
        return (text.ToString(), expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(400)]
    public void Predict_FindsEveryEntityOfALongTextAtItsOffsets(int sentences)
    {
        var (text, expected) = Document(sentences);
        var spans = NerModelCache.Get(_small.Path).Predict(text, NerAggregation.First);
        Assert.Equal(expected, spans.Select(s => (s.EntityType, s.Start, s.End)));
    }

    [Fact]
    public void Predict_HandlesAGiganticSingleLine()
    {
        using var folder = TinyNerFolder.Create(); // 512-token windows
        var model = NerModelCache.Get(folder.Path);
        const string sentence = "John Smith works in Paris, ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40_000)); // about 1 MB, no line break
        var spans = model.Predict(text, NerAggregation.First);
        Assert.Equal(80_000, spans.Count);
        var last = (39_999 * sentence.Length) + 20;
        Assert.Equal(("LOCATION", last, last + 5), (spans[^1].EntityType, spans[^1].Start, spans[^1].End));
        Assert.Empty(model.Predict(new string('x', 1_000_000), NerAggregation.First)); // one word longer than WordPiece's limit: [UNK]
    }

    [Fact]
    public void Predict_AnEntityStraddlingAWindowEdgeStaysWhole()
    {
        // Shift a two-word name across every position of the first window edges.
        var model = NerModelCache.Get(_small.Path);
        for (var filler = 0; filler < 30; filler++)
        {
            var text = string.Concat(Enumerable.Repeat("the ", filler)) + "John Smith works in New York";
            var spans = model.Predict(text, NerAggregation.First);
            Assert.Equal([("PERSON", filler * 4, (filler * 4) + 10), ("LOCATION", (filler * 4) + 20, (filler * 4) + 28)],
                spans.Select(s => (s.EntityType, s.Start, s.End)));
        }
    }

    [Fact]
    public void Windows_CoverEveryTokenAndOverlap()
    {
        Assert.Equal([(0, 10)], NerWindows.Plan(10, 510));
        var windows = NerWindows.Plan(2000, 510);
        Assert.Equal(0, windows[0].Start);
        Assert.Equal(2000, windows[^1].End);
        Assert.All(windows, w => Assert.Equal(510, w.End - w.Start));
        for (var i = 1; i < windows.Count; i++) Assert.True(windows[i].Start < windows[i - 1].End - 100, "windows overlap by a quarter");
    }

    [Fact]
    public async Task Predict_GivesTheSameAnswersToParallelCallers()
    {
        var model = NerModelCache.Get(_small.Path);
        var documents = Enumerable.Range(1, 24).Select(n => Document(n).Text).ToArray();
        var sequential = documents.Select(d => model.Predict(d, NerAggregation.First)).ToArray();
        var tasks = Enumerable.Range(0, 96).Select(i => Task.Run(() => (i % documents.Length, model.Predict(documents[i % documents.Length], NerAggregation.First))));
        foreach (var (index, spans) in await Task.WhenAll(tasks)) Assert.Equal(sequential[index], spans);
    }

    [Fact]
    public void Cache_SharesOneModelPerFolder()
    {
        Assert.Same(NerModelCache.Get(_small.Path), NerModelCache.Get(_small.Path + "/"));
    }
}
