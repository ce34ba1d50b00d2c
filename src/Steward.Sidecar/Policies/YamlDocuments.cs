using System.Globalization;
using Steward.Policy.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Sidecar.Policies;

/// <summary>Reads a YAML data file into a value with YAML 1.2 core schema scalars (null, booleans, numbers, strings).</summary>
internal static class YamlDocuments
{
    public static Value Read(string file, string relative)
    {
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count switch
            {
                0 => ObjectValue.Empty,
                1 => Convert(stream.Documents[0].RootNode),
                _ => throw new InvalidDataException($"{relative}: holds more than one YAML document"),
            };
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{relative}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML ({ex.Message})", ex);
        }
    }

    private static Value Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ObjectValue.From(map.Children.Select(kv => KeyValuePair.Create(
            kv.Key is YamlScalarNode k ? k.Value ?? "" : throw new InvalidDataException("YAML mapping keys must be scalars"),
            Convert(kv.Value)))),
        YamlSequenceNode seq => ArrayValue.From(seq.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node {node.NodeType}"),
    };

    private static Value Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return new StringValue(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return NullValue.Instance;
            case "true" or "True" or "TRUE":
                return BooleanValue.True;
            case "false" or "False" or "FALSE":
                return BooleanValue.False;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return NumberValue.Of(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return NumberValue.Of(number);
        return new StringValue(text);
    }
}
