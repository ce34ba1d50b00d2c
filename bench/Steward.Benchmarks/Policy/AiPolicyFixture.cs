using System.Text;
using Steward.Policy;
using Steward.Policy.Values;
using Steward.Sidecar.Policies;

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

    /// <summary>The policy library as the sidecar loads it (all modules, data files, the PII built-in registered).</summary>
    public static (CompiledPolicy Policy, Value Data) Load(string policies)
    {
        var bundle = PolicyBundle.Load(policies);
        return (CompiledPolicy.Compile(bundle.Modules, SidecarBuiltins.Create()), bundle.Data);
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
}
