using System.Text;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Benchmarks.Policy;

/// <summary>
/// The shipped output policy (<c>policies/ai_policy</c> with its settings in <c>policies/config</c>) and a 1 KB
/// model prediction, as the sidecar evaluates them.
/// </summary>
internal static class AiPolicyFixture
{
    public static string PoliciesDirectory(string? overridePath = null)
    {
        if (overridePath is not null)
        {
            return overridePath;
        }

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

    public static CompiledPolicy Compile(string policies) =>
        CompiledPolicy.Compile(Directory.EnumerateFiles(policies, "*.rego", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_test.rego", StringComparison.Ordinal) && !Path.GetRelativePath(policies, f).StartsWith("extensions", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new PolicySource(Path.GetRelativePath(policies, f), File.ReadAllText(f))));

    /// <summary>The data document: every data.json under the policies directory, placed at its folder's path.</summary>
    public static Value Data(string policies)
    {
        var root = ObjectValue.Empty as Value;
        foreach (var file in Directory.EnumerateFiles(policies, "data.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetRelativePath(policies, Path.GetDirectoryName(file)!);
            var path = folder == "." ? [] : folder.Split(Path.DirectorySeparatorChar);
            root = Insert(root, path, ValueJson.Parse(File.ReadAllText(file)));
        }

        return root;
    }

    /// <summary>A response input with a prediction of about 1 KB: a label, a confidence and a generated text.</summary>
    public static string InputJson(bool toxic = false)
    {
        var text = new StringBuilder();
        var words = new[] { "the", "model", "answer", "explains", "how", "to", "configure", "a", "reliable", "pipeline", "with", "clear", "steps", "and", "checks" };
        for (var i = 0; text.Length < 820; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        if (toxic)
        {
            text.Append("you are an idiot");
        }

        return $$"""
            {"phase": "response", "status": 200, "endpoint": "/v1/predict", "model": "sentiment-v3", "latency_ms": 12.5,
             "content_type": "application/json",
             "request": {"method": "POST", "path": "/v1/predict", "headers": {"content-type": "application/json"} },
             "prediction": {"label": "positive", "confidence": 0.93, "model_version": "3.1.0",
                            "text": "{{text.ToString().Trim()}}",
                            "scores": {"positive": 0.93, "neutral": 0.05, "negative": 0.02} } }
            """;
    }

    private static Value Insert(Value root, string[] path, Value value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var obj = root as ObjectValue ?? ObjectValue.Empty;
        var key = new StringValue(path[0]);
        var entries = new List<KeyValuePair<Value, Value>>();
        for (var i = 0; i < obj.Count; i++)
        {
            if (!obj.Keys[i].Equals(key))
            {
                entries.Add(new(obj.Keys[i], obj.Values[i]));
            }
        }

        entries.Add(new(key, Insert(obj.Get(key) ?? ObjectValue.Empty, path[1..], value)));
        return ObjectValue.From(entries);
    }
}
