using System.Globalization;
using System.Text;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands.Pii;

/// <summary>
/// Parses <c>--operator TYPE=OPERATOR[:param=value]...</c>, e.g. <c>PERSON=replace:new_value=[name]</c>,
/// <c>CREDIT_CARD=mask:masking_char=*:chars_to_mask=12</c>, <c>DEFAULT=redact</c>. A literal colon in a value is <c>\:</c>.
/// </summary>
internal static class OperatorSpec
{
    public static (string EntityType, PiiOperator Operator) Parse(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw Bad(spec, "expected TYPE=OPERATOR[:param=value]...");
        var parts = Split(spec[(eq + 1)..]);
        if (parts.Count == 0 || parts[0].Length == 0) throw Bad(spec, "the operator is missing");
        var op = new PiiOperator { Type = parts[0] };
        foreach (var part in parts.Skip(1))
        {
            var p = part.IndexOf('=', StringComparison.Ordinal);
            if (p <= 0) throw Bad(spec, $"'{part}' is not param=value");
            var (name, value) = (part[..p], part[(p + 1)..]);
            op = name switch
            {
                "new_value" => op with { NewValue = value },
                "masking_char" => op with { MaskingChar = value },
                "chars_to_mask" => op with { CharsToMask = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(spec, "chars_to_mask must be an integer") },
                "from_end" => op with { FromEnd = bool.TryParse(value, out var b) ? b : throw Bad(spec, "from_end must be true or false") },
                "hash_type" => op with { HashType = value },
                "salt" => op with { Salt = value },
                "key" => op with { Key = value },
                _ => throw Bad(spec, $"unknown parameter '{name}' (new_value, masking_char, chars_to_mask, from_end, hash_type, salt, key)"),
            };
        }
        return (spec[..eq], op);
    }

    private static List<string> Split(string s)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == ':')
            {
                current.Append(':');
                i++;
            }
            else if (s[i] == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(s[i]);
            }
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static CliException Bad(string spec, string why) => new($"--operator '{spec}': {why}");
}
