using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Byte-level BPE (GPT-2's scheme, used by RoBERTa) through Microsoft.ML.Tokenizers' <see cref="CodeGenTokenizer"/>.
/// Each word is encoded with one leading space when whitespace precedes it in the text, as RoBERTa's own
/// pre-tokenizer does; token offsets are mapped back to the word's characters in the original text.
/// </summary>
internal sealed class ByteLevelBpeEncoder : SubwordEncoder
{
    private readonly CodeGenTokenizer _tokenizer;

    private ByteLevelBpeEncoder(CodeGenTokenizer tokenizer, int start, int end, int pad, string source)
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

    /// <summary>Creates the encoder from <c>vocab.json</c> and <c>merges.txt</c> streams.</summary>
    public static ByteLevelBpeEncoder Create(Stream vocab, Stream merges, NerSpecialTokens special, string source)
    {
        var tokenizer = CodeGenTokenizer.Create(vocab, merges, addPrefixSpace: false, addBeginOfSentence: false, addEndOfSentence: false);
        int Id(string? name, string fallback)
        {
            var token = name ?? fallback;
            return tokenizer.Vocabulary.TryGetValue(token, out var id) ? id : throw new NerModelException($"{source}: the vocabulary has no '{token}' token.");
        }
        return new ByteLevelBpeEncoder(tokenizer, Id(special.Start, "<s>"), Id(special.End, "</s>"), Id(special.Pad, "<pad>"), source);
    }

    /// <summary>Creates the encoder from the <c>model</c> object of a <c>tokenizer.json</c> whose type is BPE.</summary>
    public static ByteLevelBpeEncoder FromTokenizerJson(JsonElement model, NerSpecialTokens special, string source)
    {
        if (!model.TryGetProperty("vocab", out var vocab) || !model.TryGetProperty("merges", out var merges))
        {
            throw new NerModelException($"{source}: the BPE model has no vocab or merges.");
        }
        var mergeText = new StringBuilder("#version: 0.2\n");
        foreach (var merge in merges.EnumerateArray())
        {
            // tokenizers writes merges as "a b" (older) or ["a", "b"] (newer).
            mergeText.Append(merge.ValueKind == JsonValueKind.Array ? $"{merge[0].GetString()} {merge[1].GetString()}" : merge.GetString()).Append('\n');
        }
        using var vocabStream = new MemoryStream(Encoding.UTF8.GetBytes(vocab.GetRawText()));
        using var mergeStream = new MemoryStream(Encoding.UTF8.GetBytes(mergeText.ToString()));
        return Create(vocabStream, mergeStream, special, source);
    }

    public override void Encode(string text, NerWord word, int index, List<SubwordPiece> pieces)
    {
        var spaced = word.Start > 0 && char.IsWhiteSpace(text[word.Start - 1]);
        var input = spaced ? string.Concat(" ", text.AsSpan(word.Start, word.End - word.Start)) : text[word.Start..word.End];
        var shift = spaced ? 1 : 0;
        var tokens = _tokenizer.EncodeToTokens(input, addPrefixSpace: false, addBeginningOfSentence: false, addEndOfSentence: false, out _,
            considerPreTokenization: false, considerNormalization: false);
        foreach (var token in tokens)
        {
            var (offset, length) = token.Offset.GetOffsetAndLength(input.Length);
            var start = Math.Max(offset - shift, 0);
            var end = Math.Max(offset + length - shift, start);
            pieces.Add(new SubwordPiece(token.Id, word.Start + start, word.Start + end, index));
        }
    }
}
