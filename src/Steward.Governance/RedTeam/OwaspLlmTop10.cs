namespace Steward.Governance.RedTeam;

/// <summary>The OWASP Top 10 for LLM Applications, 2025 edition.</summary>
public static class OwaspLlmTop10
{
    /// <summary>Id to name.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LLM01"] = "Prompt Injection",
        ["LLM02"] = "Sensitive Information Disclosure",
        ["LLM03"] = "Supply Chain",
        ["LLM04"] = "Data and Model Poisoning",
        ["LLM05"] = "Improper Output Handling",
        ["LLM06"] = "Excessive Agency",
        ["LLM07"] = "System Prompt Leakage",
        ["LLM08"] = "Vector and Embedding Weaknesses",
        ["LLM09"] = "Misinformation",
        ["LLM10"] = "Unbounded Consumption",
    };
}
