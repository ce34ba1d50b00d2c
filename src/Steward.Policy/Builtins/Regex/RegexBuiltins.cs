using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>regex.*, glob.match and glob.quote_meta.</summary>
internal static class RegexBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("regex.match", 2, (c, a) =>
        {
            var regex = Re2Regex.Get(c, Operand.String(a, 0));
            return BooleanValue.Of(regex.IsMatch(Operand.String(a, 1), a[1] is StringValue { IsAscii: true }));
        });
        r.Register("regex.is_valid", 1, (_, a) => BooleanValue.Of(a[0] is StringValue s && Re2Regex.IsValid(s.Value)));
        r.Register("regex.split", 2, (c, a) => Strings(Re2Regex.Get(c, Operand.String(a, 0)).Split(Operand.String(a, 1))));
        r.Register("regex.find_n", 3, (_, a) => FindN(a));
        r.Register("regex.find_all_string_submatch_n", 3, (_, a) => FindSubmatches(a));
        r.Register("regex.replace", 3, (c, a) => new StringValue(Re2Regex.Get(c, Operand.String(a, 1)).ReplaceAll(Operand.String(a, 0), Operand.String(a, 2))));
        r.Register("regex.template_match", 4, (_, a) => TemplateMatch(a));
        r.Register("regex.globs_match", 2, (_, a) => BooleanValue.Of(GlobIntersection.NonEmpty(Operand.String(a, 0), Operand.String(a, 1))));
        r.Register("glob.match", 3, (_, a) => GlobMatch(a));
        r.Register("glob.quote_meta", 1, (_, a) => new StringValue(GlobCompiler.QuoteMeta(Operand.String(a, 0))));
    }

    private static ArrayValue Strings(IEnumerable<string> items) => new([.. items.Select(s => (Value)new StringValue(s))]);

    private static ArrayValue FindN(ReadOnlySpan<Value> a)
    {
        var regex = Re2Regex.Get(Operand.String(a, 0));
        var text = Operand.String(a, 1);
        var n = Operand.Integer(a, 2);
        return Strings(regex.FindAll(text, n).Select(m => m.Value));
    }

    private static ArrayValue FindSubmatches(ReadOnlySpan<Value> a)
    {
        var regex = Re2Regex.Get(Operand.String(a, 0));
        var text = Operand.String(a, 1);
        var n = Operand.Integer(a, 2);
        return new ArrayValue([.. regex.FindAll(text, n).Select(m => (Value)Strings(regex.Groups(m)))]);
    }

    private static BooleanValue TemplateMatch(ReadOnlySpan<Value> a)
    {
        var template = Operand.String(a, 0);
        var text = Operand.String(a, 1);
        var start = Operand.String(a, 2);
        var end = Operand.String(a, 3);
        if (Encoding.UTF8.GetByteCount(start) != 1)
        {
            throw new BuiltinException($"start delimiter has to be exactly one character long but is {Encoding.UTF8.GetByteCount(start)} long");
        }

        if (Encoding.UTF8.GetByteCount(end) != 1)
        {
            throw new BuiltinException($"end delimiter has to be exactly one character long but is {Encoding.UTF8.GetByteCount(start)} long");
        }

        var pattern = new StringBuilder("^");
        var level = 0;
        var open = 0;
        var last = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == start[0])
            {
                if (++level == 1)
                {
                    open = i;
                }
            }
            else if (template[i] == end[0])
            {
                if (--level == 0)
                {
                    var inner = template[(open + 1)..i];
                    Re2Regex.Compile("^" + inner + "$");
                    pattern.Append(QuoteMeta(template[last..open])).Append('(').Append(inner).Append(')');
                    last = i + 1;
                }
                else if (level < 0)
                {
                    throw new BuiltinException($"unbalanced braces in {StringFormatting.Quote(template)}");
                }
            }
        }

        if (level != 0)
        {
            throw new BuiltinException($"unbalanced braces in {StringFormatting.Quote(template)}");
        }

        pattern.Append(QuoteMeta(template[last..])).Append('$');
        return BooleanValue.Of(Re2Regex.Get(pattern.ToString()).IsMatch(text));
    }

    /// <summary>Go's regexp.QuoteMeta.</summary>
    public static string QuoteMeta(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static BooleanValue GlobMatch(ReadOnlySpan<Value> a)
    {
        var pattern = Operand.String(a, 0);
        List<int> separators;
        switch (a[1])
        {
            case NullValue:
                separators = [];
                break;
            case ArrayValue arr:
                separators = [];
                foreach (var item in arr.Items)
                {
                    if (item is not StringValue s)
                    {
                        throw OperandErrors.Element(2, arr, item, "string");
                    }

                    var runes = StringFormatting.Runes(s.Value).ToList();
                    if (runes.Count != 1)
                    {
                        throw OperandErrors.Element(2, arr, item, "rune");
                    }

                    separators.Add(runes[0].Value);
                }

                if (separators.Count == 0)
                {
                    separators.Add('.');
                }

                break;
            default:
                throw OperandErrors.Type(2, a[1], "array", "null");
        }

        var text = Operand.String(a, 2);
        return BooleanValue.Of(GlobCompiler.Match(pattern, separators, text));
    }
}
