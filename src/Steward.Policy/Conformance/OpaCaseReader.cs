using Steward.Policy.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Policy.Conformance;

/// <summary>Reads OPA's YAML case files unchanged (YAML is read as JSON-compatible data, as OPA's loader does).</summary>
public static class OpaCaseReader
{
    /// <summary>Reads every case of one file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="relativeName">The name to report for the file.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="FormatException">The file is not a valid case file.</exception>
    public static IReadOnlyList<OpaTestCase> Load(string path, string relativeName)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = System.IO.File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{relativeName}: invalid YAML: {e.Message}", e);
        }

        var cases = new List<OpaTestCase>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("cases"), out var list))
            {
                continue;
            }

            if (list is not YamlSequenceNode sequence)
            {
                throw new FormatException($"{relativeName}: 'cases' must be a list");
            }

            foreach (var node in sequence.Children)
            {
                if (node is not YamlMappingNode item)
                {
                    throw new FormatException($"{relativeName}: each case must be a mapping");
                }

                cases.Add(Read(item, relativeName));
            }
        }

        return cases;
    }

    private static OpaTestCase Read(YamlMappingNode node, string file)
    {
        string? Text(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
        YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        bool Flag(string key) => Text(key) is { } t && bool.TryParse(t, out var b) && b;

        var modules = Node("modules") is YamlSequenceNode ms ? ms.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() : [];
        var want = Node("want_result") is YamlSequenceNode ws ? ws.Children.Select(ToValue).ToList() : null;
        return new OpaTestCase
        {
            File = file,
            Note = Text("note") ?? "(no note)",
            Query = Text("query") ?? "",
            Modules = modules,
            Data = Node("data") is { } d ? ToValue(d) : null,
            Input = Node("input") is { } i ? ToValue(i) : null,
            InputTerm = Text("input_term"),
            WantResult = want,
            WantDefined = Text("want_defined") is { } wd && bool.TryParse(wd, out var defined) ? defined : null,
            WantErrorCode = Text("want_error_code"),
            WantError = Text("want_error"),
            SortBindings = Flag("sort_bindings"),
            StrictError = Flag("strict_error"),
        };
    }

    /// <summary>Converts YAML to a value as OPA's loader reads it.</summary>
    /// <param name="node">The YAML node.</param>
    /// <returns>The value.</returns>
    public static Value ToValue(YamlNode node) => ValueYaml.FromNode(node);
}
