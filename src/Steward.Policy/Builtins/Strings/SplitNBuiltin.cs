using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// <c>strings.split_n(x, delimiter, n)</c> (OPA 1.x): the first <c>n</c> fields of <c>split(x, delimiter)</c>
/// for <c>n ≥ 0</c> (the rest of the string is dropped, so <c>n = 0</c> gives <c>[]</c>), the last <c>|n|</c>
/// fields for <c>n &lt; 0</c>. An empty delimiter splits between characters (code points).
/// </summary>
internal static class SplitNBuiltin
{
    public static void Register(BuiltinRegistry r) =>
        r.Register("strings.split_n", 3, (_, a) => SplitN(Operand.String(a, 0), Operand.String(a, 1), Operand.Integer(a, 2)));

    private static ArrayValue SplitN(string text, string delimiter, long n)
    {
        var fields = Fields(text, delimiter);
        if (n >= 0)
        {
            var take = (int)Math.Min(n, fields.Count);
            return new ArrayValue([.. fields.Take(take)]);
        }

        var skip = (int)Math.Max(fields.Count + Math.Max(n, -(long)int.MaxValue), 0);
        return new ArrayValue([.. fields.Skip(skip)]);
    }

    /// <summary>Go's strings.Split: an empty delimiter splits into code points (and gives no fields for an empty string).</summary>
    private static List<Value> Fields(string text, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            return [.. StringFormatting.Runes(text).Select(r => (Value)new StringValue(r.ToString()))];
        }

        return [.. text.Split(delimiter).Select(s => (Value)new StringValue(s))];
    }
}
