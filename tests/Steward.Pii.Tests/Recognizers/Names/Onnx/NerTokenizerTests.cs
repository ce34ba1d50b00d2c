using System.Text.Json;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>The tokenizer layouts of Hugging Face exports, model input variants and label schemes.</summary>
public sealed class NerTokenizerTests
{
    private static readonly (string, string, float)[] UncasedVocab =
    [
        ("john", "B-PER", 4), ("jose", "B-PER", 4), ("smith", "I-PER", 4), ("muller", "I-PER", 4), ("zurich", "B-LOC", 4), ("in", "O", 3),
    ];

    private static string Show(string text, IEnumerable<NerSpan> spans) =>
        string.Join(" | ", spans.Select(s => $"{s.EntityType}:{text[s.Start..s.End]}@{s.Start}"));

    private static string Run(TinyNerFolder folder, string text) => Show(text, NerModelCache.Get(folder.Path).Predict(text, NerAggregation.First));

    [Theory]
    [InlineData(true)]
    [InlineData(null)] // no tokenizer_config.json: an all-lower-case vocabulary is read as uncased
    public void UncasedVocabulary_LowercasesAndStripsAccentsButReportsOriginalCharacters(bool? doLowerCase)
    {
        using var folder = TinyNerFolder.Create(UncasedVocab, doLowerCase: doLowerCase);
        const string text = "JOSÉ Müller in ZÜRICH, Jose\u0301 SMITH";
        Assert.Equal("PERSON:JOSÉ Müller@0 | LOCATION:ZÜRICH@15 | PERSON:Jose\u0301 SMITH@23", Run(folder, text));
    }

    [Fact]
    public void CasedConfiguration_KeepsCase()
    {
        using var folder = TinyNerFolder.Create(UncasedVocab, doLowerCase: false);
        Assert.Equal("PERSON:john@8", Run(folder, "JOHN or john"));
    }

    public static TheoryData<string> UncasedNormalizers => new()
    {
        """{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}""",
        """{"type": "Sequence", "normalizers": [{"type": "NFD"}, {"type": "Lowercase"}, {"type": "StripAccents"}]}""",
    };

    [Theory]
    [MemberData(nameof(UncasedNormalizers))]
    public void TokenizerJson_WordPieceWithAnUncasedNormalizer(string normalizer)
    {
        using var folder = TinyNerFolder.Create(UncasedVocab, writeVocabTxt: false);
        var tokenizer = new
        {
            version = "1.0",
            normalizer = JsonDocument.Parse(normalizer).RootElement,
            model = new
            {
                type = "WordPiece",
                unk_token = "[UNK]",
                continuing_subword_prefix = "##",
                max_input_chars_per_word = 100,
                vocab = folder.Vocab.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i),
            },
        };
        folder.Write("tokenizer.json", JsonSerializer.Serialize(tokenizer));
        Assert.Equal("PERSON:Jöhn Smith@3", Run(folder, "Hi Jöhn Smith"));
    }

    [Fact]
    public void TokenizerJson_OfAnUnsupportedKind_FailsClearly()
    {
        using var folder = TinyNerFolder.Create(writeVocabTxt: false);
        folder.Write("tokenizer.json", "{\"model\": {\"type\": \"Unigram\", \"vocab\": []}}");
        var error = Assert.Throws<NerModelException>(() => NerModelCache.Get(folder.Path));
        Assert.Contains("'Unigram' is not supported", error.Message);
    }

    [Fact]
    public void ModelWithTokenTypeIds_AndInt32Inputs()
    {
        using var withTypes = TinyNerFolder.Create(inputs: ["attention_mask", "token_type_ids"]);
        Assert.Equal("PERSON:John Smith@0", Run(withTypes, "John Smith"));
        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], NerModelCache.Get(withTypes.Path).SessionInputs);
        using var int32 = TinyNerFolder.Create(inputs: ["attention_mask"], int32Inputs: true);
        Assert.Equal("PERSON:John Smith@0", Run(int32, "John Smith"));
        using var idsOnly = TinyNerFolder.Create(inputs: []);
        Assert.Equal("PERSON:John Smith@0", Run(idsOnly, "John Smith"));
    }

    [Fact]
    public void PlainLabels_JoinConsecutiveWordsOfOneType()
    {
        using var folder = TinyNerFolder.Create(
            [("John", "PER", 4), ("Smith", "PER", 4), ("Paris", "LOC", 4), ("Acme", "ORG", 4), ("in", "O", 3)], ["O", "PER", "LOC", "ORG"]);
        Assert.Equal("PERSON:John Smith@0 | LOCATION:Paris@14 | ORGANIZATION:Acme@21", Run(folder, "John Smith in Paris, Acme"));
    }

    [Theory]
    [InlineData("B-PER", "PERSON", true)]
    [InlineData("I-PER", "PERSON", false)]
    [InlineData("S-LOC", "LOCATION", true)]
    [InlineData("E-ORG", "ORGANIZATION", false)]
    [InlineData("B_GPE", "LOCATION", true)]
    [InlineData("b-norp", "NRP", true)]
    [InlineData("I-MISC", "NRP", false)]
    [InlineData("PERSON", "PERSON", false)]
    [InlineData("ORGANIZATION", "ORGANIZATION", false)]
    [InlineData("O", null, false)]
    [InlineData("B-DATE", null, false)]
    [InlineData("X-PER", null, false)]
    public void Labels_MapToPresidioTypes(string label, string? type, bool begins) =>
        Assert.Equal(new NerTag(type, begins), NerLabelSet.Parse(label));
}
