using System.Globalization;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>Go's strconv.Quote and rune helpers shared by the string built-ins.</summary>
internal static class StringFormatting
{
    /// <summary>Quotes a string as Go's strconv.Quote does.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var rune in Runes(text))
        {
            AppendEscaped(builder, rune, '"');
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Quotes one rune as Go's strconv.QuoteRune does.</summary>
    public static string QuoteRune(Rune rune)
    {
        var builder = new StringBuilder("'");
        AppendEscaped(builder, rune, '\'');
        builder.Append('\'');
        return builder.ToString();
    }

    /// <summary>The code points of a string; a lone surrogate becomes U+FFFD as in Go.</summary>
    public static IEnumerable<Rune> Runes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            yield return status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;
            i += Math.Max(used, 1);
        }
    }

    /// <summary>Whether Go's unicode.IsPrint holds for a rune.</summary>
    public static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    private static void AppendEscaped(StringBuilder builder, Rune rune, char quote)
    {
        var v = rune.Value;
        if (v == quote || v == '\\')
        {
            builder.Append('\\').Append((char)v);
            return;
        }

        if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
            return;
        }

        switch (v)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (v < ' ' || v == 0x7f)
        {
            builder.Append("\\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (v < 0x10000)
        {
            builder.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
