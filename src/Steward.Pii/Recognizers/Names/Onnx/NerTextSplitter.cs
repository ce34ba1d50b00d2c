using System.Globalization;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Splits text into words the way BERT's basic tokenizer does, keeping each word's offsets in the original text:
/// whitespace separates words, every punctuation mark (ASCII symbols included) and every CJK ideograph is a word
/// of its own, and control characters are dropped.
/// </summary>
internal static class NerTextSplitter
{
    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Split(string text, List<NerWord> words)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var kind = Classify(text, i);
            if (kind == CharKind.Letter)
            {
                if (start < 0) start = i;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                continue;
            }
            if (start >= 0)
            {
                words.Add(new NerWord(start, i));
                start = -1;
            }
            if (kind == CharKind.Single)
            {
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                words.Add(new NerWord(i, i + width));
                i += width - 1;
            }
        }
        if (start >= 0) words.Add(new NerWord(start, text.Length));
    }

    private enum CharKind { Letter, Separator, Single }

    private static CharKind Classify(string text, int i)
    {
        var c = text[i];
        if (c is ' ' or '\t' or '\n' or '\r' || char.IsWhiteSpace(c)) return CharKind.Separator;
        if (c is '\0' or '\uFFFD' || char.IsControl(c)) return CharKind.Separator;
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return CharKind.Single;
        if (char.IsPunctuation(c)) return CharKind.Single;
        if (char.GetUnicodeCategory(c) == UnicodeCategory.Format) return CharKind.Separator;
        var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length ? char.ConvertToUtf32(c, text[i + 1]) : c;
        return IsCjk(codePoint) ? CharKind.Single : CharKind.Letter;
    }

    private static bool IsCjk(int cp) =>
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
}
