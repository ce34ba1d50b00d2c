using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Policy.Values;

/// <summary>
/// Reads YAML into values the way OPA does (go-yaml v2: YAML 1.1 scalars, so <c>yes</c>/<c>off</c> are booleans;
/// merge keys; tags): for <c>yaml.unmarshal</c>, data files and OPA's YAML case files alike.
/// </summary>
public static partial class ValueYaml
{
    /// <summary>Parses the first document of a YAML text.</summary>
    /// <param name="text">The YAML.</param>
    /// <returns>The value, or null when the text holds no document.</returns>
    /// <exception cref="FormatException">The text is not valid YAML (message as go-yaml's: <c>yaml: line N: ...</c>).</exception>
    public static Value? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"yaml: line {e.Start.Line}: {e.Message}", e);
        }

        return stream.Documents.Count == 0 ? null : FromNode(stream.Documents[0].RootNode);
    }

    private const int MaxNodes = 1_000_000;

    [ThreadStatic]
    private static int _nodes;

    /// <summary>Converts a parsed YAML node (YAML 1.1 scalars as go-yaml v2 reads them, merge keys, tags).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">A tagged scalar does not fit its tag, or the document expands to too many nodes.</exception>
    public static Value FromNode(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _nodes = 0;
        return ConvertNode(node);
    }

    private static Value ConvertNode(YamlNode node)
    {
        if (++_nodes > MaxNodes)
        {
            throw new FormatException("yaml: document contains excessive aliasing");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var builder = new ObjectBuilder();
                foreach (var (k, v) in map.Children)
                {
                    if (k is YamlScalarNode ks && ks.Value == "<<" && ks.Style == ScalarStyle.Plain)
                    {
                        MergeInto(builder, v);
                        continue;
                    }

                    builder.Set(new StringValue(KeyText(ConvertNode(k))), ConvertNode(v));
                }

                return builder.Build();
            case YamlSequenceNode seq:
                return new ArrayValue([.. seq.Children.Select(ConvertNode)]);
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new FormatException("yaml: unsupported node");
        }
    }

    private static void MergeInto(ObjectBuilder builder, YamlNode source)
    {
        var values = source is YamlSequenceNode seq ? seq.Children.Select(ConvertNode).ToList() : [ConvertNode(source)];
        foreach (var value in values)
        {
            if (value is ObjectValue o)
            {
                for (var i = 0; i < o.Count; i++)
                {
                    builder.Set(o.Keys[i], o.Values[i]);
                }
            }
        }
    }

    private static string KeyText(Value key) => key switch
    {
        StringValue s => s.Value,
        NullValue => "null",
        _ => key.ToJson(),
    };

    private static Value Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        switch (tag)
        {
            case "tag:yaml.org,2002:str" or "!":
                return new StringValue(text);
            case "tag:yaml.org,2002:null":
                return NullValue.Instance;
        }

        if (scalar.Style != ScalarStyle.Plain && tag.Length == 0)
        {
            return new StringValue(text);
        }

        var resolved = Resolve(text);
        if (tag is "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" && resolved is not NumberValue)
        {
            throw new FormatException($"yaml: cannot decode !!{tag[(tag.LastIndexOf(':') + 1)..]} `{text}`");
        }

        if (tag == "tag:yaml.org,2002:bool" && resolved is not BooleanValue)
        {
            throw new FormatException($"yaml: cannot decode !!bool `{text}`");
        }

        return resolved;
    }

    /// <summary>Resolves a plain scalar as go-yaml v2 does.</summary>
    internal static Value Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return NullValue.Instance;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
                return BooleanValue.True;
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return BooleanValue.False;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                // Go's encoder names the float it cannot write as strconv spells it: +Inf, -Inf or NaN.
                throw new FormatException("json: unsupported value: " + (text.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "NaN" : text[0] == '-' ? "-Inf" : "+Inf"));
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (IntPattern().IsMatch(plain))
        {
            return ParseInteger(plain);
        }

        if (FloatPattern().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return NumberValue.TryParse(plain.TrimStart('+'), out var n) ? n : NumberValue.Of(d);
        }

        return new StringValue(text);
    }

    private static NumberValue ParseInteger(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        System.Numerics.BigInteger value;
        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            value = System.Numerics.BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (body.StartsWith("0b", StringComparison.Ordinal))
        {
            value = body[2..].Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * 2) + (c - '0'));
        }
        else if (body.Length > 1 && body.StartsWith('0'))
        {
            value = body[1..].Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * 8) + (c - '0'));
        }
        else
        {
            value = System.Numerics.BigInteger.Parse(body, CultureInfo.InvariantCulture);
        }

        return NumberValue.Of(negative ? -value : value);
    }

    [GeneratedRegex(@"^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0[0-7]+|0|[1-9][0-9]*)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
