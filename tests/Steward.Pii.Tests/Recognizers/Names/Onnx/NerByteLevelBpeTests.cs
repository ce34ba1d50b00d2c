using System.Text.Json;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>RoBERTa-style byte-level BPE folders (vocab.json + merges.txt, or tokenizer.json of type BPE).</summary>
public sealed class NerByteLevelBpeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "steward-ner-bpe-" + Guid.NewGuid().ToString("N"));

    public NerByteLevelBpeTests() => Directory.CreateDirectory(_path);

    public void Dispose() => Directory.Delete(_path, recursive: true);

    private static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];

    /// <summary>
    /// Writes a model whose vocabulary holds each word whole, with and without GPT-2's leading-space marker Ġ, in
    /// GPT-2's byte-to-character alphabet ("RenÃ©" is the UTF-8 bytes of "René").
    /// </summary>
    private (Dictionary<string, int> Vocab, List<string> Merges) Write(bool asTokenizerJson)
    {
        var vocab = new Dictionary<string, int> { ["<s>"] = 0, ["<pad>"] = 1, ["</s>"] = 2, ["<unk>"] = 3 };
        var merges = new List<string>();
        var labelOf = new Dictionary<string, int>();
        void Add(string token, int label)
        {
            if (vocab.TryAdd(token, vocab.Count)) labelOf[token] = label;
        }
        foreach (var (word, label) in new[] { ("John", 1), ("Smith", 2), ("RenÃ©", 1), ("Paris", 3), ("in", 0), ("lives", 0), (".", 0), (",", 0) })
        {
            foreach (var form in new[] { "Ġ" + word, word }) // as learned merges would: the spaced form merges first
            {
                foreach (var c in form) Add(c.ToString(), 0);
                for (var i = 2; i <= form.Length; i++)
                {
                    var merge = $"{form[..(i - 1)]} {form[i - 1]}";
                    if (!merges.Contains(merge)) merges.Add(merge);
                    Add(form[..i], 0);
                }
                labelOf[form] = label;
            }
        }
        var logits = new float[vocab.Count][];
        foreach (var (token, id) in vocab)
        {
            logits[id] = new float[Labels.Length];
            logits[id][labelOf.GetValueOrDefault(token)] = 4;
        }
        File.WriteAllBytes(Path.Combine(_path, "model.onnx"), TinyOnnxModel.Build(logits, Labels.Length, ["attention_mask"], Labels.Length));
        File.WriteAllText(Path.Combine(_path, "config.json"), JsonSerializer.Serialize(new
        {
            model_type = "roberta",
            max_position_embeddings = 514,
            id2label = Labels.Select((l, i) => (l, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.l),
        }));
        if (asTokenizerJson)
        {
            File.WriteAllText(Path.Combine(_path, "tokenizer.json"), JsonSerializer.Serialize(new { model = new { type = "BPE", vocab, merges } }));
        }
        else
        {
            File.WriteAllText(Path.Combine(_path, "vocab.json"), JsonSerializer.Serialize(vocab));
            File.WriteAllLines(Path.Combine(_path, "merges.txt"), ["#version: 0.2", .. merges]);
        }
        return (vocab, merges);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ByteLevelBpe_ReportsWordsWithoutTheirLeadingSpace(bool asTokenizerJson)
    {
        Write(asTokenizerJson);
        var model = NerModelCache.Get(_path);
        Assert.StartsWith("byte-level BPE", model.Encoder.Description);
        Assert.Equal(512, model.Config.MaxLength);
        const string text = "John Smith lives in Paris.\nParis, John, René";
        var spans = model.Predict(text, NerAggregation.First);
        Assert.Equal(["PERSON:John Smith@0", "LOCATION:Paris@20", "LOCATION:Paris@27", "PERSON:John@34", "PERSON:René@40"],
            spans.Select(s => $"{s.EntityType}:{text[s.Start..s.End]}@{s.Start}"));
    }
}
