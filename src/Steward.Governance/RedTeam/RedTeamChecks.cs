using Steward.Governance.Decisions;
using Steward.Governance.Errors;

namespace Steward.Governance.RedTeam;

/// <summary>Field checks shared by the exercise and finding stores.</summary>
internal static class RedTeamChecks
{
    public static List<string> AtlasIds(Check check, IReadOnlyList<string>? ids)
    {
        var list = new List<string>();
        if (ids is null) return list;
        if (ids.Count > 20) check.Fail("atlas", "must have at most 20 technique ids");
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]?.Trim() ?? "";
            if (!AtlasTechniques.IsWellFormed(id))
                check.Fail($"atlas[{i}]", $"'{Shorten(id)}' is not a MITRE ATLAS technique id: use AML.T0043 or, for a sub-technique, AML.T0024.001");
            else if (AtlasTechniques.NameOf(id) is null)
                check.Fail($"atlas[{i}]", $"{id} is not a known MITRE ATLAS technique (the list Steward ships is in docs/REDTEAM.md)");
            else if (!list.Contains(id)) list.Add(id);
        }
        return list;
    }

    public static List<string> OwaspIds(Check check, IReadOnlyList<string>? ids)
    {
        var list = new List<string>();
        if (ids is null) return list;
        if (ids.Count > 10) check.Fail("owasp_llm", "must have at most 10 ids");
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]?.Trim() ?? "";
            if (!OwaspLlmTop10.All.ContainsKey(id))
                check.Fail($"owasp_llm[{i}]", $"'{Shorten(id)}' is not an OWASP Top 10 for LLM Applications id: LLM01 to LLM10");
            else if (!list.Contains(id)) list.Add(id);
        }
        return list;
    }

    public static List<Evidence> EvidenceList(Check check, IReadOnlyList<Evidence>? items)
    {
        var list = new List<Evidence>();
        if (items is null) return list;
        if (items.Count > 100) check.Fail("evidence", "must have at most 100 items");
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"evidence[{i}]";
            if (items[i] is not { } item) { check.Fail(field, "must be an object {\"uri\", \"sha256\"}"); continue; }
            var uri = check.Uri($"{field}.uri", item.Uri);
            var sha = check.Sha256($"{field}.sha256", item.Sha256);
            if (uri is null && sha is null) check.Fail(field, "needs a uri, a sha256, or both");
            list.Add(new Evidence(uri, sha));
        }
        return list;
    }

    public static DateOnly? Date(Check check, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) { check.Fail(field, "is required (yyyy-MM-dd)"); return null; }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        check.Fail(field, "must be a date yyyy-MM-dd");
        return null;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
