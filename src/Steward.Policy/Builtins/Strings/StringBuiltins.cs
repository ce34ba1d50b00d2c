using System.Globalization;
using System.Numerics;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>OPA's string functions.</summary>
internal static class StringBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("concat", 2, (_, a) => Concat(a));
        r.Register("contains", 2, (_, a) => BooleanValue.Of(Operand.String(a, 0).Contains(Operand.String(a, 1), StringComparison.Ordinal)));
        r.Register("startswith", 2, (_, a) => BooleanValue.Of(Operand.String(a, 0).StartsWith(Operand.String(a, 1), StringComparison.Ordinal)));
        r.Register("endswith", 2, (_, a) => BooleanValue.Of(Operand.String(a, 0).EndsWith(Operand.String(a, 1), StringComparison.Ordinal)));
        r.Register("format_int", 2, (_, a) => FormatInt(a));
        r.Register("indexof", 2, (_, a) => IndexOf(a));
        r.Register("indexof_n", 2, (_, a) => IndexOfN(a));
        r.Register("lower", 1, (_, a) => new StringValue(GoLower(Operand.String(a, 0))));
        r.Register("upper", 1, (_, a) => new StringValue(GoUpper(Operand.String(a, 0))));
        r.Register("replace", 3, (_, a) => new StringValue(Replace(Operand.String(a, 0), Operand.String(a, 1), Operand.String(a, 2))));
        r.Register("split", 2, (_, a) => Split(Operand.String(a, 0), Operand.String(a, 1)));
        r.Register("sprintf", 2, (_, a) => new StringValue(GoSprintf.Format(Operand.String(a, 0), Operand.Array(a, 1).Items)));
        r.Register("substring", 3, (_, a) => Substring(a));
        r.Register("trim", 2, (_, a) => new StringValue(TrimSet(Operand.String(a, 0), Operand.String(a, 1), left: true, right: true)));
        r.Register("trim_left", 2, (_, a) => new StringValue(TrimSet(Operand.String(a, 0), Operand.String(a, 1), left: true, right: false)));
        r.Register("trim_right", 2, (_, a) => new StringValue(TrimSet(Operand.String(a, 0), Operand.String(a, 1), left: false, right: true)));
        r.Register("trim_prefix", 2, (_, a) => TrimPrefix(Operand.String(a, 0), Operand.String(a, 1)));
        r.Register("trim_suffix", 2, (_, a) => TrimSuffix(Operand.String(a, 0), Operand.String(a, 1)));
        r.Register("trim_space", 1, (_, a) => new StringValue(TrimSpace(Operand.String(a, 0))));
        r.Register("strings.reverse", 1, (_, a) => new StringValue(Reverse(Operand.String(a, 0))));
        r.Register("strings.replace_n", 2, (_, a) => ReplaceN(a));
        r.Register("strings.any_prefix_match", 2, (_, a) => AnyMatch(a, suffix: false));
        r.Register("strings.any_suffix_match", 2, (_, a) => AnyMatch(a, suffix: true));
        r.Register("strings.count", 2, (_, a) => NumberValue.Of(Count(Operand.String(a, 0), Operand.String(a, 1))));
    }

    /// <summary>
    /// Go's strings.ToLower: the simple per-rune mapping of the Unicode tables. .NET's invariant casing leaves out the
    /// mappings that cross into ASCII (U+0130 to i), which Go keeps.
    /// </summary>
    internal static string GoLower(string s)
    {
        var lowered = s.ToLowerInvariant();
        return lowered.Contains('\u0130') ? lowered.Replace('\u0130', 'i') : lowered;
    }

    /// <summary>Go's strings.ToUpper: as <see cref="GoLower"/>, with dotless i (U+0131) to I and long s (U+017F) to S.</summary>
    internal static string GoUpper(string s)
    {
        var uppered = s.ToUpperInvariant();
        if (uppered.AsSpan().IndexOfAny('\u0131', '\u017F') < 0)
        {
            return uppered;
        }

        return uppered.Replace('\u0131', 'I').Replace('\u017F', 'S');
    }

    private static StringValue Concat(ReadOnlySpan<Value> a)
    {
        var separator = Operand.String(a, 0);
        var items = a[1] switch
        {
            ArrayValue arr => arr.Items,
            SetValue set => set.Items,
            _ => throw OperandErrors.Type(2, a[1], "set", "array"),
        };
        var builder = new StringBuilder();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not StringValue s)
            {
                throw OperandErrors.Element(2, a[1], items[i], "string");
            }

            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(s.Value);
        }

        return new StringValue(builder.ToString());
    }

    private static StringValue FormatInt(ReadOnlySpan<Value> a)
    {
        var input = Operand.Number(a, 0);
        var b = Operand.Number(a, 1);
        var radix = !b.IsFloatLiteral && b.TryGetInt64(out var l) && l is 2 or 8 or 10 or 16 ? (int)l : throw OperandErrors.Enum(2, "2", "8", "10", "16");
        BigInteger value;
        if (!input.TryGetBigInteger(out value))
        {
            value = new BigInteger(Math.Truncate(input.AsDouble));
        }

        var abs = RoundToFloat64Bits(BigInteger.Abs(value));
        value = value.Sign < 0 ? -abs : abs;
        string digits;
        if (radix == 10)
        {
            digits = abs.ToString(CultureInfo.InvariantCulture);
        }
        else if (radix == 16)
        {
            digits = abs.IsZero ? "0" : abs.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        }
        else
        {
            var builder = new StringBuilder();
            do
            {
                builder.Insert(0, (char)('0' + (int)(abs % radix)));
                abs /= radix;
            }
            while (!abs.IsZero);
            digits = builder.ToString();
        }

        return new StringValue(value.Sign < 0 ? "-" + digits : digits);
    }

    /// <summary>
    /// OPA formats an integer beyond int64 through a big.Float of the default 64-bit precision, so only its first 64
    /// significant bits survive (rounded half to even).
    /// </summary>
    private static BigInteger RoundToFloat64Bits(BigInteger abs)
    {
        var shift = (int)abs.GetBitLength() - 64;
        if (shift <= 0)
        {
            return abs;
        }

        var kept = abs >> shift;
        var rest = abs - (kept << shift);
        var half = BigInteger.One << (shift - 1);
        if (rest > half || (rest == half && !kept.IsEven))
        {
            kept += 1;
        }

        return kept << shift;
    }

    private static Rune[] RunesOf(string s) => [.. StringFormatting.Runes(s)];

    private static NumberValue IndexOf(ReadOnlySpan<Value> a)
    {
        var text = Operand.String(a, 0);
        var search = Operand.String(a, 1);
        if (search.Length == 0)
        {
            throw new BuiltinException("empty search character");
        }

        var at = text.IndexOf(search, StringComparison.Ordinal);
        return NumberValue.Of(at < 0 ? -1 : Aggregates.RuneCount(text[..at]));
    }

    private static ArrayValue IndexOfN(ReadOnlySpan<Value> a)
    {
        var text = Operand.String(a, 0);
        var search = Operand.String(a, 1);
        if (search.Length == 0)
        {
            throw new BuiltinException("empty search character");
        }

        var runes = RunesOf(text);
        var wanted = RunesOf(search);
        var found = new List<Value>();
        for (var i = 0; i + wanted.Length <= runes.Length; i++)
        {
            if (runes.AsSpan(i, wanted.Length).SequenceEqual(wanted))
            {
                found.Add(NumberValue.Of(i));
            }
        }

        return new ArrayValue([.. found]);
    }

    private static StringValue Substring(ReadOnlySpan<Value> a)
    {
        var text = Operand.String(a, 0);
        var start = Operand.Integer(a, 1);
        var length = Operand.Integer(a, 2);
        if (start < 0)
        {
            throw new BuiltinException("negative offset");
        }

        var runes = RunesOf(text);
        if (start >= runes.Length)
        {
            return StringValue.Empty;
        }

        var end = length < 0 || length >= runes.Length - start ? runes.Length : (int)(start + length);
        return new StringValue(Join(runes.AsSpan((int)start, end - (int)start)));
    }

    private static string Join(ReadOnlySpan<Rune> runes)
    {
        var builder = new StringBuilder(runes.Length);
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Go's strings.Replace with n = -1 (an empty old string inserts between every rune).</summary>
    public static string Replace(string text, string old, string replacement)
    {
        if (old.Length > 0)
        {
            return text.Replace(old, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(replacement);
        foreach (var rune in StringFormatting.Runes(text))
        {
            builder.Append(rune.ToString()).Append(replacement);
        }

        return builder.ToString();
    }

    private static ArrayValue Split(string text, string separator)
    {
        if (separator.Length == 0)
        {
            return new ArrayValue([.. StringFormatting.Runes(text).Select(r => (Value)new StringValue(r.ToString()))]);
        }

        return new ArrayValue([.. text.Split(separator).Select(s => (Value)new StringValue(s))]);
    }

    private static string TrimSet(string text, string cutset, bool left, bool right)
    {
        if (text.Length == 0 || cutset.Length == 0)
        {
            return text;
        }

        var set = new HashSet<Rune>(StringFormatting.Runes(cutset));
        var runes = RunesOf(text);
        var start = 0;
        var end = runes.Length;
        while (left && start < end && set.Contains(runes[start]))
        {
            start++;
        }

        while (right && end > start && set.Contains(runes[end - 1]))
        {
            end--;
        }

        return start == 0 && end == runes.Length ? text : Join(runes.AsSpan(start, end - start));
    }

    private static StringValue TrimPrefix(string text, string prefix) =>
        new(prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text);

    private static StringValue TrimSuffix(string text, string suffix) =>
        new(suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text);

    /// <summary>Go's strings.TrimSpace (Unicode white space).</summary>
    public static string TrimSpace(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsGoSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsGoSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsGoSpace(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0' || (c > 0xff && char.IsWhiteSpace(c));

    public static string Reverse(string text)
    {
        var runes = RunesOf(text);
        Array.Reverse(runes);
        return Join(runes);
    }

    private static StringValue ReplaceN(ReadOnlySpan<Value> a)
    {
        var patterns = Operand.Object(a, 0);
        var text = Operand.String(a, 1);
        var pairs = new List<(string Old, string New)>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns.Keys[i] is not StringValue k)
            {
                throw OperandErrors.Other(1, "non-string key found in pattern object");
            }

            if (patterns.Values[i] is not StringValue v)
            {
                throw OperandErrors.Other(1, "non-string value found in pattern object");
            }

            pairs.Add((k.Value, v.Value));
        }

        return new StringValue(GenericReplace(text, pairs));
    }

    /// <summary>Go's strings.Replacer: at each position the first pair (in argument order) whose old string matches wins.</summary>
    private static string GenericReplace(string text, List<(string Old, string New)> pairs)
    {
        if (pairs.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (true)
        {
            var matched = false;
            foreach (var (old, replacement) in pairs)
            {
                if (old.Length == 0)
                {
                    builder.Append(replacement);
                    break;
                }

                if (i + old.Length <= text.Length && string.CompareOrdinal(text, i, old, 0, old.Length) == 0)
                {
                    builder.Append(replacement);
                    i += old.Length;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            if (i >= text.Length)
            {
                break;
            }

            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            builder.Append(text, i, width);
            i += width;
        }

        return builder.ToString();
    }

    private static BooleanValue AnyMatch(ReadOnlySpan<Value> a, bool suffix)
    {
        var strings = StringsOf(a, 0);
        var fixes = StringsOf(a, 1);
        foreach (var s in strings)
        {
            foreach (var f in fixes)
            {
                if (suffix ? s.EndsWith(f, StringComparison.Ordinal) : s.StartsWith(f, StringComparison.Ordinal))
                {
                    return BooleanValue.True;
                }
            }
        }

        return BooleanValue.False;
    }

    private static List<string> StringsOf(ReadOnlySpan<Value> a, int index)
    {
        var value = a[index];
        var items = value switch
        {
            StringValue s => [s],
            ArrayValue arr => arr.Items,
            SetValue set => set.Items,
            _ => throw OperandErrors.Type(index + 1, value, "string", "set", "array"),
        };
        var list = new List<string>(items.Length);
        foreach (var item in items)
        {
            list.Add(item is StringValue s ? s.Value : throw OperandErrors.Element(index + 1, value, item, "string"));
        }

        return list;
    }

    private static int Count(string text, string sub)
    {
        if (sub.Length == 0)
        {
            return Aggregates.RuneCount(text) + 1;
        }

        var n = 0;
        for (var i = text.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = text.IndexOf(sub, i + sub.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
