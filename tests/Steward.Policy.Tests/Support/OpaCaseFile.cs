using YamlDotNet.RepresentationModel;

namespace Steward.Policy.Tests.Support;

/// <summary>Reads OPA's YAML conformance case files (schema in ../shared/conformance/opa/SOURCE.md).</summary>
internal static class OpaCaseFile
{
    public static IReadOnlyList<OpaCase> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var cases = new List<OpaCase>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("cases"), out var list) || list is not YamlSequenceNode sequence)
        {
            return cases;
        }

        foreach (var node in sequence.Children.OfType<YamlMappingNode>())
        {
            string? note = Scalar(node, "note");
            string? query = Scalar(node, "query");
            var modules = node.Children.TryGetValue(new YamlScalarNode("modules"), out var m) && m is YamlSequenceNode ms
                ? ms.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [];
            string? code = Scalar(node, "want_error_code");
            string? error = Scalar(node, "want_error");
            bool parseError = code == "rego_parse_error"
                || (code is null && error is not null && error.Contains("rego_parse_error", StringComparison.Ordinal));
            cases.Add(new OpaCase(note ?? "(no note)", query, modules, parseError));
        }

        return cases;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
