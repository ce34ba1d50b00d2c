using System.Text.RegularExpressions;

namespace Steward.Probes.Llm;

/// <summary>The LLM probes: the shipped corpus plus any files the operator adds.</summary>
/// <param name="Categories">One entry per category file.</param>
public sealed record ProbeCorpus(IReadOnlyList<ProbeCategory> Categories)
{
    /// <summary>All probes.</summary>
    public IEnumerable<LlmProbe> Probes => Categories.SelectMany(c => c.Probes);
}

/// <summary>A category of probes sharing a finding's classification.</summary>
/// <param name="Name">prompt_injection, system_prompt_extraction or pii_leak (or a name of your own).</param>
/// <param name="Title">The finding's title prefix.</param>
/// <param name="OwaspLlm">OWASP LLM ids of the finding.</param>
/// <param name="Atlas">MITRE ATLAS technique ids of the finding.</param>
/// <param name="Severity">The finding's base severity.</param>
/// <param name="Markers">Regexes of leaked system-prompt text (for the <c>system_prompt</c> detector).</param>
/// <param name="Probes">The probes.</param>
/// <param name="Source">The file it came from.</param>
public sealed record ProbeCategory(
    string Name, string Title, IReadOnlyList<string> OwaspLlm, IReadOnlyList<string> Atlas, string Severity,
    IReadOnlyList<Regex> Markers, IReadOnlyList<LlmProbe> Probes, string Source);

/// <summary>One probe: a prompt and how to tell that it got through.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Category">Its category's name.</param>
/// <param name="Prompt">The prompt; <c>{{canary}}</c> is replaced by the run's canary.</param>
/// <param name="Detect">canary, system_prompt or pii.</param>
public sealed record LlmProbe(string Id, string Category, string Prompt, string Detect);
