using Steward.Policy.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Sidecar.Policies;

/// <summary>Reads a YAML data file into a value as OPA reads data files (go-yaml v2 scalars, see <see cref="ValueYaml"/>).</summary>
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

    private static Value Convert(YamlNode node)
    {
        try
        {
            return ValueYaml.FromNode(node);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }
}
