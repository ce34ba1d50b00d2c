using Steward.Pii.Recognizers;
using Steward.Pii.Recognizers.Names;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>The recognizer over a real ONNX model run by ONNX Runtime: spans, offsets, aggregation and scores.</summary>
public sealed class OnnxNerRecognizerTests : IDisposable
{
    private readonly TinyNerFolder _folder = TinyNerFolder.Create();

    public void Dispose() => _folder.Dispose();

    private List<NerSpan> Predict(string text, NerAggregation aggregation = NerAggregation.First) =>
        NerModelCache.Get(_folder.Path).Predict(text, aggregation);

    private static string Show(string text, IEnumerable<NerSpan> spans) =>
        string.Join(" | ", spans.Select(s => $"{s.EntityType}:{text[s.Start..s.End]}@{s.Start}"));

    [Fact]
    public void Predict_ReportsEntitiesAtExactOffsetsWithMeanProbability()
    {
        const string text = "John Smith works in Paris.";
        var spans = Predict(text);
        Assert.Equal("PERSON:John Smith@0 | LOCATION:Paris@20", Show(text, spans));
        Assert.Equal((_folder.Probability(4) + _folder.Probability(2)) / 2, spans[0].Score, 5);
        Assert.Equal(_folder.Probability(5), spans[1].Score, 5);
    }

    [Fact]
    public void Predict_FirstAggregation_GivesTheWholeWordTheLabelOfItsFirstPiece()
    {
        const string text = "Johnson works for the Parisian Acme Corp.";
        Assert.Equal("PERSON:Johnson@0 | LOCATION:Parisian@22 | ORGANIZATION:Acme Corp@31", Show(text, Predict(text)));
        // Johnson = John (B-PER, 4) + ##son (I-PER, 3): "first" scores the word by its first piece.
        Assert.Equal(_folder.Probability(4), Predict(text)[0].Score, 5);
    }

    [Fact]
    public void Predict_SimpleAggregation_LabelsEachPiece()
    {
        const string text = "Johnson works for the Parisian Acme Corp.";
        var spans = Predict(text, NerAggregation.Simple);
        Assert.Equal("PERSON:Johnson@0 | LOCATION:Paris@22 | ORGANIZATION:Acme Corp@31", Show(text, spans));
        Assert.Equal((_folder.Probability(4) + _folder.Probability(3)) / 2, spans[0].Score, 5);
    }

    [Fact]
    public void Predict_BeginTagsSplitAdjacentEntitiesAndInsideTagsJoinThem()
    {
        const string text = "John Mary New York, Smith";
        // B-PER B-PER: two people; B-LOC I-LOC: one place; a lone I-PER after "," still starts an entity (as Hugging Face does).
        Assert.Equal("PERSON:John@0 | PERSON:Mary@5 | LOCATION:New York@10 | PERSON:Smith@20", Show(text, Predict(text)));
    }

    [Fact]
    public void Predict_KeepsOffsetsAcrossPunctuationAccentsAndOddSpacing()
    {
        const string text = "\t(John)\u00A0René,  works\r\nfor German Acme Corp…";
        Assert.Equal("PERSON:John@2 | PERSON:René@8 | NRP:German@26 | ORGANIZATION:Acme Corp@33", Show(text, Predict(text)));
    }

    [Fact]
    public void Predict_UnknownWordsAndEmptyTextGiveNothing()
    {
        Assert.Empty(Predict(""));
        Assert.Empty(Predict("   \n "));
        Assert.Empty(Predict("Zanzibar qwerty 12345 ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));
        const string text = "𝔘𝔫𝔦 John 中文 Smith";
        Assert.Equal("PERSON:John@7 | PERSON:Smith@15", Show(text, Predict(text))); // 𝔘𝔫𝔦 is six UTF-16 units
    }

    [Fact]
    public void Engine_ReportsModelResultsWithExplanationsAndFiltersEntities()
    {
        var options = new PiiEngineOptions { NerModelDirectory = _folder.Path };
        var engine = new AnalyzerEngine(new RecognizerRegistry(DefaultNameRecognizers.Create(options)), options);
        var results = engine.Analyze("Mary works for Acme Corp in Paris.");
        Assert.Equal(["PERSON", "ORGANIZATION", "LOCATION"], results.OrderBy(r => r.Start).Select(r => r.EntityType));
        Assert.All(results, r => Assert.Equal(OnnxNerRecognizer.RecognizerName, r.Explanation.Recognizer));
        var people = engine.Analyze("Mary works for Acme Corp in Paris.", new AnalyzeOptions { Entities = ["PERSON"] });
        Assert.Equal((0, 4), (people.Single().Start, people.Single().End));
        Assert.Equal(["LOCATION", "NRP", "ORGANIZATION", "PERSON"], engine.Registry.EntitiesFor("en"));
    }

    [Fact]
    public void Engine_CombinesModelAndWordListResultsByDuplicateRemoval()
    {
        // A deny-list recognizer stands in for a gazetteer: same span and type, lower score → one result, the model's.
        var list = new RegexRecognizer("NameList", "PERSON", [], denyList: ["John Smith", "John", "Paris"], denyListScore: 0.5);
        var options = new PiiEngineOptions { NerModelDirectory = _folder.Path };
        var engine = new AnalyzerEngine(new RecognizerRegistry([.. DefaultNameRecognizers.Create(options), list]), options);
        var results = engine.Analyze("John Smith works in Paris.").OrderBy(r => r.Start).ToList();
        Assert.Equal(
            ["PERSON 0-10 OnnxNerRecognizer", "LOCATION 20-25 OnnxNerRecognizer", "PERSON 20-25 NameList"],
            results.Select(r => $"{r.EntityType} {r.Start}-{r.End} {r.Explanation.Recognizer}"));
    }

    [Fact]
    public void Registry_ReportsOnlyTheTypesTheLabelsName()
    {
        using var folder = TinyNerFolder.Create([("John", "B-PER", 4), ("Paris", "B-LOC", 4)], ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]);
        var recognizer = Assert.Single(DefaultNameRecognizers.Create(new PiiEngineOptions { NerModelDirectory = folder.Path }).OfType<OnnxNerRecognizer>());
        Assert.Equal(["LOCATION", "PERSON"], recognizer.SupportedEntities);
    }

    [Fact]
    public void Registry_WithoutAModelDirectory_HasNoModelRecognizer()
    {
        Assert.DoesNotContain(DefaultNameRecognizers.Create(new PiiEngineOptions()), r => r is OnnxNerRecognizer);
    }
}
