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
    private readonly int[] _pieceLengths;

    /// <param name="tokenizer">The WordPiece tokenizer (without its own normalisation and pre-tokenisation).</param>
    /// <param name="vocab">The vocabulary by id, to know how many characters each piece covers.</param>
    /// <param name="prefix">The continuing-piece prefix (<c>##</c>).</param>
    /// <param name="lowercase">Whether the model is uncased.</param>
    /// <param name="stripAccents">Whether accents are stripped.</param>
    /// <param name="source">The file it came from.</param>
    public WordPieceEncoder(BertTokenizer tokenizer, IReadOnlyList<string> vocab, string prefix, bool lowercase, bool stripAccents, string source)
    {
        _tokenizer = tokenizer;
        _pieceLengths = new int[vocab.Count];
        for (var i = 0; i < vocab.Count; i++) _pieceLengths[i] = vocab[i].StartsWith(prefix, StringComparison.Ordinal) ? vocab[i].Length - prefix.Length : vocab[i].Length;
        _pieceLengths[tokenizer.UnknownTokenId] = int.MaxValue; // [UNK] stands for the whole word
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
            if (!TryEncodeFast(span, word.Start, index, pieces, []))
            {
                foreach (var token in _tokenizer.EncodeToTokens(span, out _, considerPreTokenization: false, considerNormalization: false))
                {
                    var (offset, length) = token.Offset.GetOffsetAndLength(span.Length);
                    pieces.Add(new SubwordPiece(token.Id, word.Start + offset, word.Start + offset + length, index));
                }
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
        if (TryEncodeFast(buffer[..n], word.Start, index, pieces, origin[..n], span.Length)) return;
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

    /// <summary>
    /// Ids only (no token strings allocated), offsets from the pieces' lengths: WordPiece pieces follow each other
    /// exactly through the word. Returns false (adding nothing) if they do not add up, so the caller uses the
    /// tokenizer's own offsets.
    /// </summary>
    private bool TryEncodeFast(ReadOnlySpan<char> normalized, int wordStart, int index, List<SubwordPiece> pieces, ReadOnlySpan<int> origin, int originalLength = 0)
    {
        var ids = _tokenizer.EncodeToIds(normalized, addSpecialTokens: false, considerPreTokenization: false, considerNormalization: false);
        var first = pieces.Count;
        var offset = 0;
        foreach (var id in ids)
        {
            var length = (uint)id < (uint)_pieceLengths.Length ? Math.Min(_pieceLengths[id], normalized.Length - offset) : -1;
            if (length <= 0)
            {
                pieces.RemoveRange(first, pieces.Count - first);
                return false;
            }
            var end = offset + length;
            var (start, stop) = origin.IsEmpty ? (offset, end) : (origin[offset], end < normalized.Length ? origin[end] : originalLength);
            pieces.Add(new SubwordPiece(id, wordStart + start, wordStart + stop, index));
            offset = end;
        }
        if (offset == normalized.Length) return true;
        pieces.RemoveRange(first, pieces.Count - first);
        return false;
    }
}
