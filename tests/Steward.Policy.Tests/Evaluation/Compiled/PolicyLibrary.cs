using System.Text.RegularExpressions;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// The shipped policy library (<c>policies/</c>: the output policy, the gates and their tests; not the PII
/// extension, which needs the sidecar's built-in) with its data files, and the words its modules and data use.
/// </summary>
internal sealed record PolicyLibrary(IReadOnlyList<PolicySource> Modules, Value Data, IReadOnlyList<string> Vocabulary)
{
    public static PolicyLibrary Load()
    {
        var root = Locate();
        var modules = Directory.EnumerateFiles(root, "*.rego", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("extensions", "pii"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new PolicySource(Path.GetRelativePath(root, f), File.ReadAllText(f)))
            .ToList();
        var data = ObjectValue.Empty as Value;
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "data.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var path = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar);
            data = Steward.Policy.Evaluation.Documents.Upsert(data, path, ValueJson.Parse(text));
            Harvest(text, words);
        }

        foreach (var module in modules)
        {
            Harvest(module.Text, words);
        }

        return new PolicyLibrary(modules, data, [.. words]);
    }

    /// <summary>String literals and the names that follow a dot (fields the modules read).</summary>
    private static void Harvest(string text, SortedSet<string> words)
    {
        foreach (Match m in Regex.Matches(text, "\"([^\"\\\\]{0,40})\"|\\.([a-z_][a-z0-9_]*)"))
        {
            words.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        }
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "policies");
            if (File.Exists(Path.Combine(candidate, "ai_policy", "policy.rego")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("policies/ai_policy/policy.rego not found above " + AppContext.BaseDirectory);
    }
}
