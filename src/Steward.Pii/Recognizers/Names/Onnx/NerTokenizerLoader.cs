using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Builds the sub-word encoder from a Hugging Face export: <c>tokenizer.json</c> when present (WordPiece or byte-level
/// BPE models), otherwise <c>vocab.txt</c> (WordPiece) with <c>tokenizer_config.json</c>'s <c>do_lower_case</c>, or
/// <c>vocab.json</c> with <c>merges.txt</c> (byte-level BPE, as RoBERTa's).
/// </summary>
internal static class NerTokenizerLoader
{
    /// <summary>Creates the encoder; throws <see cref="NerModelException"/> naming the file at fault.</summary>
    public static SubwordEncoder Create(string directory)
    {
        using var settings = NerFiles.ReadJson(directory, "tokenizer_config.json", required: false);
        var special = new NerSpecialTokens(settings?.RootElement);
        try
        {
            using var tokenizerJson = NerFiles.ReadJson(directory, "tokenizer.json", required: false);
            if (tokenizerJson is not null) return FromTokenizerJson(tokenizerJson.RootElement, special, Path.Combine(directory, "tokenizer.json"));

            var vocabTxt = Path.Combine(directory, "vocab.txt");
            if (File.Exists(vocabTxt))
            {
                var lines = File.ReadAllLines(vocabTxt);
                var lowercase = settings is not null && settings.RootElement.TryGetProperty("do_lower_case", out var dlc) && dlc.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? dlc.GetBoolean()
                    : !lines.Any(l => !special.IsSpecial(l) && l.Any(char.IsUpper)); // no upper-case entry: an uncased vocabulary
                var strip = settings is not null && settings.RootElement.TryGetProperty("strip_accents", out var sa) && sa.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? sa.GetBoolean()
                    : lowercase;
                return CreateWordPiece(lines, lowercase, strip, "##", special, vocabTxt);
            }

            var vocabJson = Path.Combine(directory, "vocab.json");
            var merges = Path.Combine(directory, "merges.txt");
            if (File.Exists(vocabJson) && File.Exists(merges))
            {
                return ByteLevelBpeEncoder.FromFiles(vocabJson, merges, special);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            throw new NerModelException($"The tokenizer files in {directory} cannot be used: {e.Message}", e);
        }
        throw new NerModelException($"The NER model folder {directory} has no tokenizer: expected tokenizer.json, vocab.txt (WordPiece) or vocab.json with merges.txt (byte-level BPE).");
    }

    private static SubwordEncoder FromTokenizerJson(JsonElement root, NerSpecialTokens special, string path)
    {
        if (!root.TryGetProperty("model", out var model) || !model.TryGetProperty("type", out var typeElement))
        {
            throw new NerModelException($"{path} has no model.type.");
        }
        var type = typeElement.GetString();
        if (type == "WordPiece")
        {
            var vocab = model.GetProperty("vocab").EnumerateObject().Select(p => (Token: p.Name, Id: p.Value.GetInt32())).OrderBy(p => p.Id).ToList();
            for (var i = 0; i < vocab.Count; i++)
            {
                if (vocab[i].Id != i) throw new NerModelException($"{path}: the WordPiece vocabulary's ids are not 0..{vocab.Count - 1} (id {i} is missing).");
            }
            var prefix = model.TryGetProperty("continuing_subword_prefix", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "##";
            if (model.TryGetProperty("unk_token", out var unk) && unk.ValueKind == JsonValueKind.String) special = special with { Unknown = unk.GetString()! };
            var (lowercase, strip) = root.TryGetProperty("normalizer", out var normalizer) ? ReadNormalizer(normalizer) : (false, false);
            return CreateWordPiece([.. vocab.Select(v => v.Token)], lowercase, strip, prefix, special, path);
        }
        if (type == "BPE")
        {
            return ByteLevelBpeEncoder.FromTokenizerJson(model, special, path);
        }
        throw new NerModelException($"{path}: tokenizer model type '{type}' is not supported (WordPiece and byte-level BPE are).");
    }

    /// <summary>
    /// Lower-casing and accent stripping from a <c>tokenizer.json</c> normaliser: <c>BertNormalizer</c> (with
    /// <c>strip_accents</c> null following <c>lowercase</c>) or a <c>Sequence</c> holding <c>Lowercase</c> and
    /// <c>StripAccents</c>. Unicode normal forms (<c>NFD</c>, <c>NFC</c>) need nothing here.
    /// </summary>
    private static (bool Lowercase, bool StripAccents) ReadNormalizer(JsonElement normalizer)
    {
        if (normalizer.ValueKind != JsonValueKind.Object || !normalizer.TryGetProperty("type", out var type)) return (false, false);
        switch (type.GetString())
        {
            case "BertNormalizer":
                var lowercase = normalizer.TryGetProperty("lowercase", out var lc) && lc.ValueKind == JsonValueKind.True;
                var strip = normalizer.TryGetProperty("strip_accents", out var sa) && sa.ValueKind is JsonValueKind.True or JsonValueKind.False ? sa.GetBoolean() : lowercase;
                return (lowercase, strip);
            case "Lowercase":
                return (true, false);
            case "StripAccents":
                return (false, true);
            case "Sequence" when normalizer.TryGetProperty("normalizers", out var list) && list.ValueKind == JsonValueKind.Array:
                var result = (false, false);
                foreach (var item in list.EnumerateArray())
                {
                    var (l, s) = ReadNormalizer(item);
                    result = (result.Item1 || l, result.Item2 || s);
                }
                return result;
            default:
                return (false, false);
        }
    }

    private static WordPieceEncoder CreateWordPiece(IReadOnlyList<string> vocab, bool lowercase, bool strip, string prefix, NerSpecialTokens special, string source)
    {
        foreach (var required in new[] { special.Start ?? "[CLS]", special.End ?? "[SEP]", special.Pad ?? "[PAD]", special.Unknown ?? "[UNK]" })
        {
            if (!vocab.Contains(required)) throw new NerModelException($"{source}: the vocabulary has no '{required}' token.");
        }
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = false, // done by the encoder, which keeps offsets
            ApplyBasicTokenization = false,
            RemoveNonSpacingMarks = false,
            ContinuingSubwordPrefix = prefix,
            ClassificationToken = special.Start ?? "[CLS]",
            SeparatorToken = special.End ?? "[SEP]",
            PaddingToken = special.Pad ?? "[PAD]",
            UnknownToken = special.Unknown ?? "[UNK]",
            MaskingToken = vocab.Contains(special.Mask ?? "[MASK]") ? special.Mask ?? "[MASK]" : special.Unknown ?? "[UNK]",
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', vocab)));
        return new WordPieceEncoder(BertTokenizer.Create(stream, options), vocab, prefix, lowercase, strip, source);
    }
}
