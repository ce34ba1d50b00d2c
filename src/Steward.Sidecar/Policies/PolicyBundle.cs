using System.Text.Json;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Sidecar.Policies;

/// <summary>
/// A directory of Rego modules and data files, read as OPA reads a bundle: every <c>.rego</c> file (tests,
/// <c>*_test.rego</c>, only when asked) and every <c>data.json</c>, <c>data.yaml</c> or <c>data.yml</c>, whose document
/// is placed at the path of its directory (<c>config/ai_policy/data.json</c> becomes <c>data.config.ai_policy</c>).
/// </summary>
/// <param name="Modules">The Rego modules, named by their path relative to the directory.</param>
/// <param name="Data">The merged base documents.</param>
public sealed record PolicyBundle(IReadOnlyList<PolicySource> Modules, ObjectValue Data)
{
    /// <summary>Reads a bundle directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="includeTests">Whether to read <c>*_test.rego</c> files too.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="InvalidDataException">The directory is missing, holds no module, or a data file is malformed or conflicts with another.</exception>
    public static PolicyBundle Load(string directory, bool includeTests = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
            throw new InvalidDataException($"bundle directory {directory} does not exist");
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal).ToList();
        var modules = files
            .Where(f => f.EndsWith(".rego", StringComparison.Ordinal) && (includeTests || !f.EndsWith("_test.rego", StringComparison.Ordinal)))
            .Select(f => new PolicySource(Path.GetRelativePath(root, f), File.ReadAllText(f)))
            .ToList();
        if (modules.Count == 0)
            throw new InvalidDataException($"bundle directory {directory} holds no .rego files");

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (name is not ("data.json" or "data.yaml" or "data.yml")) continue;
            var relative = Path.GetRelativePath(root, file);
            var document = name == "data.json" ? ReadJson(file, relative) : YamlDocuments.Read(file, relative);
            var dir = Path.GetDirectoryName(relative) ?? "";
            var segments = dir.Length == 0 ? [] : dir.Split(Path.DirectorySeparatorChar);
            Place(data, segments, document, relative);
        }

        return new PolicyBundle(modules, (ObjectValue)ToValue(data));
    }

    private static Value ReadJson(string file, string relative)
    {
        try
        {
            return ValueJson.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{relative}: not valid JSON ({ex.Message})", ex);
        }
    }

    /// <summary>Merges a document into the tree at a path; objects merge key by key, anything else must not collide.</summary>
    private static void Place(Dictionary<string, object> tree, string[] segments, Value document, string relative)
    {
        var node = tree;
        foreach (var segment in segments)
        {
            if (!node.TryGetValue(segment, out var child))
                node[segment] = child = new Dictionary<string, object>(StringComparer.Ordinal);
            node = child as Dictionary<string, object>
                ?? throw new InvalidDataException($"{relative}: data.{string.Join('.', segments)} conflicts with a value from another data file");
        }

        if (segments.Length > 0 && document is not ObjectValue)
            throw new InvalidDataException($"{relative}: a data file below the bundle root must hold an object");
        if (document is not ObjectValue obj)
            throw new InvalidDataException($"{relative}: the root data file must hold an object");
        Merge(node, obj, relative);
    }

    private static void Merge(Dictionary<string, object> node, ObjectValue obj, string relative)
    {
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.Keys[i] is StringValue s ? s.Value : throw new InvalidDataException($"{relative}: object keys must be strings");
            var value = obj.Values[i];
            if (!node.TryGetValue(key, out var existing))
            {
                node[key] = value is ObjectValue o ? FromObject(o, relative) : value;
            }
            else if (existing is Dictionary<string, object> dict && value is ObjectValue nested)
            {
                Merge(dict, nested, relative);
            }
            else
            {
                throw new InvalidDataException($"{relative}: key '{key}' conflicts with a value from another data file");
            }
        }
    }

    private static Dictionary<string, object> FromObject(ObjectValue o, string relative)
    {
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        Merge(dict, o, relative);
        return dict;
    }

    private static Value ToValue(object node) => node switch
    {
        Dictionary<string, object> dict => ObjectValue.From(dict.Select(kv => KeyValuePair.Create(kv.Key, ToValue(kv.Value)))),
        Value v => v,
        _ => throw new InvalidOperationException("unexpected node"),
    };
}
