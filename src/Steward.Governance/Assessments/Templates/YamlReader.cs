using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Steward.Governance.Assessments.Templates;

/// <summary>Strict reading of YAML nodes: every error names the file, line and column of the node at fault.</summary>
internal sealed class YamlReader(string source)
{
    public string Source => source;

    public TemplateFormatException Error(YamlNode node, string reason) =>
        new(source, node.Start.Line, node.Start.Column, reason);

    /// <summary>A mapping whose keys are all in <paramref name="allowed"/>.</summary>
    public Dictionary<string, (YamlNode Key, YamlNode Value)> Mapping(YamlNode node, string what, params string[] allowed)
    {
        if (node is not YamlMappingNode mapping) throw Error(node, $"{what} must be a mapping");
        var result = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw Error(key, $"{what}: keys must be plain names");
            if (!allowed.Contains(name))
                throw Error(key, $"{what}: unknown field '{name}' (allowed: {string.Join(", ", allowed)})");
            if (!result.TryAdd(name, (key, value))) throw Error(key, $"{what}: field '{name}' appears twice");
        }
        return result;
    }

    public YamlNode? Optional(Dictionary<string, (YamlNode Key, YamlNode Value)> map, string key) =>
        map.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlNode Required(Dictionary<string, (YamlNode Key, YamlNode Value)> map, YamlNode owner, string what, string key) =>
        Optional(map, key) ?? throw Error(owner, $"{what}: '{key}' is required");

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value }) throw Error(node, $"{what} must be a single value");
        return value;
    }

    public string Text(YamlNode node, string what, int max = 4000)
    {
        var text = Scalar(node, what).Trim();
        if (text.Length == 0) throw Error(node, $"{what} must not be empty");
        if (text.Length > max) throw Error(node, $"{what} must be at most {max} characters");
        return text;
    }

    public string? OptionalText(Dictionary<string, (YamlNode Key, YamlNode Value)> map, string key, string what, int max = 4000) =>
        Optional(map, key) is { } node ? Text(node, what, max) : null;

    public int Int(YamlNode node, string what, int min, int max)
    {
        var text = Scalar(node, what);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(node, $"{what} must be a whole number, not '{text}'");
        if (value < min || value > max) throw Error(node, $"{what} must be between {min} and {max}");
        return value;
    }

    public double Number(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(node, $"{what} must be a number, not '{text}'");
        return value;
    }

    public bool Bool(YamlNode node, string what) => Scalar(node, what) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
    };

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string what, bool allowEmpty = false)
    {
        if (node is not YamlSequenceNode sequence) throw Error(node, $"{what} must be a list");
        if (!allowEmpty && sequence.Children.Count == 0) throw Error(node, $"{what} must not be empty");
        return sequence.Children.ToList();
    }

    public IReadOnlyList<string> Strings(YamlNode node, string what) =>
        Sequence(node, what, allowEmpty: true).Select(n => Text(n, $"{what} item", 200)).ToList();
}
