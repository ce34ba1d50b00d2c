using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Policy.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Policy.Builtins;

/// <summary>yaml.marshal, yaml.unmarshal, yaml.is_valid with go-yaml v2's (YAML 1.1) scalar resolution.</summary>
internal static partial class YamlBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("yaml.marshal", 1, (_, a) => new StringValue(YamlEmitter.Emit(a[0])));
        r.Register("yaml.unmarshal", 1, (_, a) => Unmarshal(Operand.String(a, 0)));
        r.Register("yaml.is_valid", 1, (c, a) => BooleanValue.Of(a[0] is StringValue s && TryLoad(s.Value, out _, out _)));
    }

    private static Value Unmarshal(string text)
    {
        if (!TryLoad(text, out var root, out var error))
        {
            throw new BuiltinException(error);
        }

        return root is null ? NullValue.Instance : Convert(root);
    }

    private static bool TryLoad(string text, out YamlNode? root, out string error)
    {
        root = null;
        error = string.Empty;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            if (root is not null)
            {
                _ = Convert(root);
            }

            return true;
        }
        catch (YamlException e)
        {
            error = $"yaml: line {e.Start.Line}: {e.Message}";
            return false;
        }
        catch (BuiltinException e)
        {
            error = e.Message;
            return false;
        }
    }

    private const int MaxNodes = 1_000_000;

    [ThreadStatic]
    private static int _nodes;

    private static Value Convert(YamlNode node)
    {
        _nodes = 0;
        return ConvertNode(node);
    }

    private static Value ConvertNode(YamlNode node)
    {
        if (++_nodes > MaxNodes)
        {
            throw new BuiltinException("yaml: document contains excessive aliasing");
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
                throw new BuiltinException("yaml: unsupported node");
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
            throw new BuiltinException($"yaml: cannot decode !!{tag[(tag.LastIndexOf(':') + 1)..]} `{text}`");
        }

        if (tag == "tag:yaml.org,2002:bool" && resolved is not BooleanValue)
        {
            throw new BuiltinException($"yaml: cannot decode !!bool `{text}`");
        }

        return resolved;
    }

    /// <summary>Resolves a plain scalar as go-yaml v2 does.</summary>
    public static Value Resolve(string text)
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
                throw new BuiltinException("json: unsupported value: " + text);
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
