namespace Steward.Client;

/// <summary>The technique and risk ids the server accepts on findings.</summary>
/// <param name="Atlas">MITRE ATLAS technique id to name.</param>
/// <param name="OwaspLlm">OWASP Top 10 for LLM Applications id to name.</param>
public sealed record RedTeamCatalog(IReadOnlyDictionary<string, string> Atlas, IReadOnlyDictionary<string, string> OwaspLlm);
