using System.Text.Json;

namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>
/// A model folder as optimum exports it (model.onnx, config.json, vocab.txt, tokenizer_config.json) holding a
/// <see cref="TinyOnnxModel"/>: each vocabulary token has one label with a chosen logit strength, every other label 0,
/// so the probability of a token's label is <c>e^s / (e^s + labels - 1)</c>.
/// </summary>
internal sealed class TinyNerFolder : IDisposable
{
    public static readonly string[] Iob2 = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    public static readonly (string Token, string Label, float Strength)[] CasedVocab =
    [
        ("John", "B-PER", 4), ("Smith", "I-PER", 2), ("##son", "I-PER", 3), ("Mary", "B-PER", 4),
        ("Paris", "B-LOC", 5), ("##ian", "O", 3), ("New", "B-LOC", 4), ("York", "I-LOC", 4),
        ("Acme", "B-ORG", 4), ("Corp", "I-ORG", 4), ("German", "B-MISC", 4),
        ("Ren", "B-PER", 4), ("##é", "I-PER", 4), ("works", "O", 3), ("in", "O", 3), ("the", "O", 3), ("for", "O", 3),
        (".", "O", 3), (",", "O", 3), ("(", "O", 3), (")", "O", 3),
    ];

    private TinyNerFolder(string path, string[] labels, string[] vocab)
    {
        Path = path;
        Labels = labels;
        Vocab = vocab;
    }

    public string Path { get; }

    public string[] Labels { get; }

    public string[] Vocab { get; }

    /// <summary>The probability the model gives a token of strength <paramref name="strength"/>.</summary>
    public double Probability(float strength) => Math.Exp(strength) / (Math.Exp(strength) + Labels.Length - 1);

    public static TinyNerFolder Create(
        IReadOnlyList<(string Token, string Label, float Strength)>? vocab = null, string[]? labels = null, int maxPositions = 512,
        bool? doLowerCase = null, IReadOnlyList<string>? inputs = null, bool int32Inputs = false, bool writeVocabTxt = true, int? declaredLabels = -1)
    {
        vocab ??= CasedVocab;
        labels ??= Iob2;
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "steward-ner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        string[] tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. vocab.Select(v => v.Token)];
        var rows = tokens.Select(_ => Row(labels, "O", 3)).ToList();
        for (var i = 0; i < vocab.Count; i++) rows[i + 5] = Row(labels, vocab[i].Label, vocab[i].Strength);
        var labelDimension = declaredLabels == -1 ? labels.Length : declaredLabels;
        File.WriteAllBytes(System.IO.Path.Combine(path, "model.onnx"),
            TinyOnnxModel.Build([.. rows], labels.Length, inputs ?? ["attention_mask"], labelDimension, int32Inputs));
        if (writeVocabTxt) File.WriteAllLines(System.IO.Path.Combine(path, "vocab.txt"), tokens);
        var config = new Dictionary<string, object>
        {
            ["model_type"] = "bert",
            ["max_position_embeddings"] = maxPositions,
            ["id2label"] = labels.Select((l, i) => (l, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.l),
        };
        File.WriteAllText(System.IO.Path.Combine(path, "config.json"), JsonSerializer.Serialize(config));
        if (doLowerCase is { } lower)
        {
            File.WriteAllText(System.IO.Path.Combine(path, "tokenizer_config.json"), JsonSerializer.Serialize(new { do_lower_case = lower }));
        }
        return new TinyNerFolder(path, labels, tokens);
    }

    private static float[] Row(string[] labels, string label, float strength)
    {
        var row = new float[labels.Length];
        var index = Array.IndexOf(labels, label);
        if (index < 0) throw new ArgumentException($"no label {label}");
        row[index] = strength;
        return row;
    }

    public void Write(string name, string content) => File.WriteAllText(System.IO.Path.Combine(Path, name), content);

    public void Delete(string name) => File.Delete(System.IO.Path.Combine(Path, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a session may still hold the file on some platforms; the temp folder is cleaned by the OS
        }
    }
}
