using Microsoft.ML.Tokenizers;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// BERT's WordPiece through Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/>. Splitting into words, lower-casing
/// and accent stripping happen here, character by character, so every sub-word maps back to exact characters of
/// the original text; the tokenizer only splits each (normalised) word into vocabulary pieces.
/// </summary>
internal sealed class WordPieceEncoder : SubwordEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly bool _lowercase;
    private readonly bool _stripAccents;

    public WordPieceEncoder(BertTokenizer tokenizer, bool lowercase, bool stripAccents, string source)
    {
        _tokenizer = tokenizer;
        _lowercase = lowercase;
        _stripAccents = stripAccents;
        Description = $"WordPiece ({(lowercase ? "uncased" : "cased")}) from {source}";
    }

    public override int StartId => _tokenizer.ClassificationTokenId;

    public override int EndId => _tokenizer.SeparatorTokenId;

    public override int PadId => _tokenizer.PaddingTokenId;

    public override string Description { get; }

    public override void Encode(string text, NerWord word, int index, List<SubwordPiece> pieces)
    {
        var span = text.AsSpan(word.Start, word.End - word.Start);
        if (!_lowercase && !_stripAccents)
        {
            foreach (var token in _tokenizer.EncodeToTokens(span, out _, considerPreTokenization: false, considerNormalization: false))
            {
                var (offset, length) = token.Offset.GetOffsetAndLength(span.Length);
                pieces.Add(new SubwordPiece(token.Id, word.Start + offset, word.Start + offset + length, index));
            }
            return;
        }

        // Normalise into a buffer that remembers, for each normalised character, the original character it came from.
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        Span<int> origin = span.Length <= 256 ? stackalloc int[span.Length] : new int[span.Length];
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = _lowercase ? char.ToLowerInvariant(span[i]) : span[i];
            if (_stripAccents && (c = AccentFolding.Fold(c)) == '\0') continue;
            buffer[n] = c;
            origin[n++] = i;
        }
        if (n == 0) return; // only combining marks: BERT drops the word
        foreach (var token in _tokenizer.EncodeToTokens(buffer[..n], out _, considerPreTokenization: false, considerNormalization: false))
        {
            var (offset, length) = token.Offset.GetOffsetAndLength(n);
            if (length == 0) continue;
            var start = origin[offset];
            var last = origin[offset + length - 1];
            var end = offset + length < n ? origin[offset + length] : span.Length;
            // A piece ends where the next one starts, or at the word's end: dropped marks stay with the letter before them.
            pieces.Add(new SubwordPiece(token.Id, word.Start + start, word.Start + Math.Max(end, last + 1), index));
        }
    }
}
