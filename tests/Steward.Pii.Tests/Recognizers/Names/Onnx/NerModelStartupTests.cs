using Steward.Pii.Recognizers.Names;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>A folder that cannot serve fails when the recognizers are created, with a message naming the problem.</summary>
public sealed class NerModelStartupTests
{
    private static string Fails(TinyNerFolder folder) => Fails(folder.Path);

    private static string Fails(string path) =>
        Assert.Throws<NerModelException>(() => DefaultNameRecognizers.Create(new PiiEngineOptions { NerModelDirectory = path })).Message;

    [Fact]
    public void MissingFolder() => Assert.Contains("does not exist", Fails("/nonexistent/steward-ner"));

    [Fact]
    public void MissingModel()
    {
        using var folder = TinyNerFolder.Create();
        folder.Delete("model.onnx");
        Assert.Contains("has no model.onnx", Fails(folder));
    }

    [Fact]
    public void CorruptModel()
    {
        using var folder = TinyNerFolder.Create();
        File.WriteAllBytes(Path.Combine(folder.Path, "model.onnx"), [0x08, 0x07, 0xFF, 0xFF, 0x12, 0x34, 0x00, 0x99, 0x42]);
        Assert.Contains("is not a model ONNX Runtime can load", Fails(folder));
    }

    [Fact]
    public void TruncatedModel()
    {
        using var folder = TinyNerFolder.Create();
        var path = Path.Combine(folder.Path, "model.onnx");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("is not a model ONNX Runtime can load", Fails(folder));
    }

    [Fact]
    public void MissingConfig()
    {
        using var folder = TinyNerFolder.Create();
        folder.Delete("config.json");
        Assert.Contains("has no config.json", Fails(folder));
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("[1, 2]", "is not a JSON object")]
    [InlineData("{\"model_type\": \"bert\"}", "has no id2label")]
    [InlineData("{\"id2label\": {}}", "empty id2label")]
    [InlineData("{\"id2label\": {\"0\": \"O\", \"2\": \"B-PER\"}}", "must run from 0 to 1")]
    [InlineData("{\"id2label\": {\"zero\": \"O\"}}", "not a numeric id")]
    [InlineData("{\"id2label\": {\"0\": \"O\", \"1\": \"B-DATE\", \"2\": \"I-DATE\"}}", "name none of PER/PERSON")]
    public void BadConfig(string config, string message)
    {
        using var folder = TinyNerFolder.Create();
        folder.Write("config.json", config);
        Assert.Contains(message, Fails(folder));
    }

    [Fact]
    public void ConfigWithFewerLabelsThanTheModel()
    {
        using var folder = TinyNerFolder.Create();
        folder.Write("config.json", "{\"id2label\": {\"0\": \"O\", \"1\": \"B-PER\", \"2\": \"I-PER\"}}");
        Assert.Contains("outputs 9 labels but config.json's id2label has 3", Fails(folder));
    }

    [Fact]
    public void ConfigWithFewerLabelsThanADynamicModelOutput_FailsAtTheFirstInference()
    {
        using var folder = TinyNerFolder.Create(declaredLabels: null);
        folder.Write("config.json", "{\"id2label\": {\"0\": \"O\", \"1\": \"B-PER\", \"2\": \"I-PER\"}}");
        var message = Fails(folder);
        Assert.True(message.Contains("logits shaped", StringComparison.Ordinal), message);
        Assert.Contains("expected [1, ", message);
    }

    [Fact]
    public void MissingTokenizer()
    {
        using var folder = TinyNerFolder.Create(writeVocabTxt: false);
        Assert.Contains("has no tokenizer: expected tokenizer.json, vocab.txt", Fails(folder));
    }

    [Fact]
    public void VocabularyWithoutSpecialTokens()
    {
        using var folder = TinyNerFolder.Create();
        folder.Write("vocab.txt", "John\nSmith\n");
        Assert.Contains("the vocabulary has no '[CLS]' token", Fails(folder));
    }

    [Fact]
    public void ModelWithAnUnexpectedInput()
    {
        using var folder = TinyNerFolder.Create(inputs: ["attention_mask", "pixel_values"]);
        Assert.Contains("has an input 'pixel_values'", Fails(folder));
    }

    [Fact]
    public void AFolderFixedAfterAFailure_LoadsOnTheNextTry()
    {
        using var folder = TinyNerFolder.Create();
        var config = File.ReadAllText(Path.Combine(folder.Path, "config.json"));
        folder.Write("config.json", "{}");
        Fails(folder);
        folder.Write("config.json", config);
        Assert.Single(DefaultNameRecognizers.Create(new PiiEngineOptions { NerModelDirectory = folder.Path }).OfType<OnnxNerRecognizer>());
    }
}
