using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Byte-level BPE (GPT-2's scheme, used by RoBERTa) through Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/> in byte-level mode.
/// Each word is encoded with one leading space when whitespace precedes it in the text, as RoBERTa's own
/// pre-tokenizer does; token offsets are mapped back to the word's characters in the original text.
/// </summary>
internal sealed class ByteLevelBpeEncoder : SubwordEncoder
{
    private readonly BpeTokenizer _tokenizer;

    private ByteLevelBpeEncoder(BpeTokenizer tokenizer, int start, int end, int pad, string source)
    {
        _tokenizer = tokenizer;
        StartId = start;
        EndId = end;
        PadId = pad;
        Description = $"byte-level BPE from {source}";
    }

    public override int StartId { get; }

    public override int EndId { get; }

    public override int PadId { get; }

    public override string Description { get; }

    /// <summary>Creates the encoder from a vocabulary (token → id) and merges (<c>"a b"</c> lines).</summary>
    public static ByteLevelBpeEncoder Create(IReadOnlyDictionary<string, int> vocab, IEnumerable<string> merges, NerSpecialTokens special, string source)
    {
        var unknown = special.Unknown ?? "<unk>";
        var tokenizer = BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges.Where(m => m.Length > 0 && !m.StartsWith("#version", StringComparison.Ordinal)),
            ByteLevel = true,
            UnknownToken = vocab.ContainsKey(unknown) ? unknown : null,
        });
        int Id(string? name, string fallback)
        {
            var token = name ?? fallback;
            return vocab.TryGetValue(token, out var id) ? id : throw new NerModelException($"{source}: the vocabulary has no '{token}' token.");
        }
        return new ByteLevelBpeEncoder(tokenizer, Id(special.Start, "<s>"), Id(special.End, "</s>"), Id(special.Pad, "<pad>"), source);
    }

    /// <summary>Creates the encoder from <c>vocab.json</c> and <c>merges.txt</c>.</summary>
    public static ByteLevelBpeEncoder FromFiles(string vocabJson, string mergesTxt, NerSpecialTokens special)
    {
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllBytes(vocabJson))
            ?? throw new NerModelException($"{vocabJson} holds no vocabulary.");
        return Create(vocab, File.ReadAllLines(mergesTxt), special, vocabJson);
    }

    /// <summary>Creates the encoder from the <c>model</c> object of a <c>tokenizer.json</c> whose type is BPE.</summary>
    public static ByteLevelBpeEncoder FromTokenizerJson(JsonElement model, NerSpecialTokens special, string source)
    {
        if (!model.TryGetProperty("vocab", out var vocabElement) || !model.TryGetProperty("merges", out var mergesElement))
        {
            throw new NerModelException($"{source}: the BPE model has no vocab or merges.");
        }
        var vocab = vocabElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        // tokenizers writes merges as "a b" (older) or ["a", "b"] (newer).
        var merges = mergesElement.EnumerateArray()
            .Select(m => m.ValueKind == JsonValueKind.Array ? $"{m[0].GetString()} {m[1].GetString()}" : m.GetString()!)
            .ToList();
        return Create(vocab, merges, special, source);
    }

    public override void Encode(string text, NerWord word, int index, List<SubwordPiece> pieces)
    {
        var spaced = word.Start > 0 && char.IsWhiteSpace(text[word.Start - 1]);
        var input = spaced ? string.Concat(" ", text.AsSpan(word.Start, word.End - word.Start)) : text[word.Start..word.End];
        var shift = spaced ? 1 : 0;
        var tokens = _tokenizer.EncodeToTokens(input, out _, considerPreTokenization: false, considerNormalization: false);
        foreach (var token in tokens)
        {
            var (offset, length) = token.Offset.GetOffsetAndLength(input.Length);
            var start = Math.Max(offset - shift, 0);
            var end = Math.Max(offset + length - shift, start);
            pieces.Add(new SubwordPiece(token.Id, word.Start + start, word.Start + end, index));
        }
    }
}
