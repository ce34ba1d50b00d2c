using System.Text;
using System.Text.Json;
using Steward.Pii.Tests.Recognizers.Names.Onnx;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// A model folder with a tiny token-classification model (one Gather: the cost of the network itself is close to
/// nothing) and a WordPiece vocabulary holding every word of the benchmark text, so what is measured is the
/// plumbing: splitting, WordPiece, windows, tensors, ONNX Runtime calls, softmax and aggregation.
/// </summary>
internal static class OnnxNerFixture
{
    private static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
    private static readonly string[] FirstNames = ["John", "Maria", "Wei", "Olumide", "Siobhan", "Rajesh", "Ana", "Dmitri"];
    private static readonly string[] LastNames = ["Smith", "Garcia", "Zhang", "Adeyemi", "Murphy", "Patel", "Kowalski", "Ivanov"];
    private static readonly string[] Places = ["Paris", "Lagos", "Chicago", "Mumbai", "Dublin", "Warsaw"];
    private static readonly string[] Orgs = ["Acme", "Globex", "Initech", "Umbrella"];

    /// <summary>Mixed English support and news text with names, places and organisations, at least <paramref name="bytes"/> long.</summary>
    public static string Text(int bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append((i % 3) switch
            {
                0 => $"Hi, this is {FirstNames[i % FirstNames.Length]} {LastNames[(i / 2) % LastNames.Length]} from {Orgs[i % Orgs.Length]} Corp in {Places[i % Places.Length]}. ",
                1 => $"Our order #{i * 7919 % 100000} was shipped on Tuesday but never arrived; please call me back before noon. ",
                _ => $"Yesterday the {Places[(i + 1) % Places.Length]} office of {Orgs[(i + 2) % Orgs.Length]} Ltd announced that {FirstNames[(i + 3) % FirstNames.Length]} will lead the team. ",
            });
        }
        return text.ToString(0, bytes);
    }

    /// <summary>Writes the folder and returns its path; <paramref name="bertSized"/> writes <see cref="BertSizedProxyModel"/> instead of the tiny model.</summary>
    public static string Create(bool bertSized = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "steward-ner-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var vocab = new List<string> { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" };
        var labelOf = new Dictionary<string, int>();
        void Add(string token, int label)
        {
            if (!vocab.Contains(token)) vocab.Add(token);
            labelOf[token] = label;
        }
        foreach (var c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") { Add(c.ToString(), 0); Add("##" + c, 0); }
        foreach (var word in Text(4096).Split([' ', ',', '.', ';', '#'], StringSplitOptions.RemoveEmptyEntries)) Add(word, 0);
        foreach (var p in ",.;#") Add(p.ToString(), 0);
        foreach (var n in FirstNames) Add(n, 1);
        foreach (var n in LastNames) Add(n, 2);
        foreach (var n in Places) Add(n, 3);
        foreach (var n in Orgs) Add(n, 5);
        Add("Corp", 6);
        Add("Ltd", 6);
        var logits = vocab.Select(t => { var row = new float[Labels.Length]; row[labelOf.GetValueOrDefault(t)] = 4; return row; }).ToArray();
        File.WriteAllBytes(Path.Combine(path, "model.onnx"), bertSized
            ? BertSizedProxyModel.Build(vocab.Count, Labels.Length)
            : TinyOnnxModel.Build(logits, Labels.Length, ["attention_mask", "token_type_ids"], Labels.Length));
        File.WriteAllLines(Path.Combine(path, "vocab.txt"), vocab);
        File.WriteAllText(Path.Combine(path, "config.json"), JsonSerializer.Serialize(new
        {
            model_type = "bert",
            max_position_embeddings = 512,
            id2label = Labels.Select((l, i) => (l, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.l),
        }));
        File.WriteAllText(Path.Combine(path, "tokenizer_config.json"), "{\"do_lower_case\": false}");
        return path;
    }
}
