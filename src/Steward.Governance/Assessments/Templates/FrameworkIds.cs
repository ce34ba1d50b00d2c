using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// Checks the reference formats a template may use: EU AI Act articles and annexes, NIST AI RMF 1.0 subcategory
/// ids (against the published numbering) and ISO/IEC 42001:2023 Annex A control ids (A.2 to A.10).
/// </summary>
public static partial class FrameworkIds
{
    // Subcategories per category in the NIST AI RMF 1.0 core (GOVERN 1 has 1.1-1.7, ...).
    private static readonly Dictionary<string, int[]> NistSubcategories = new(StringComparer.Ordinal)
    {
        ["GOVERN"] = [7, 3, 2, 3, 2, 2],
        ["MAP"] = [6, 3, 5, 2, 2],
        ["MEASURE"] = [3, 13, 3, 3],
        ["MANAGE"] = [4, 4, 2, 3],
    };

    // ISO/IEC 42001:2023 Annex A controls.
    private static readonly HashSet<string> IsoControls =
    [
        "A.2.2", "A.2.3", "A.2.4",
        "A.3.2", "A.3.3",
        "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
        "A.5.2", "A.5.3", "A.5.4", "A.5.5",
        "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
        "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
        "A.8.2", "A.8.3", "A.8.4", "A.8.5",
        "A.9.2", "A.9.3", "A.9.4",
        "A.10.2", "A.10.3", "A.10.4",
    ];

    /// <summary>Null when <paramref name="id"/> is an EU AI Act reference (<c>Art. 10(2)(f)</c>, <c>Annex IV</c>, <c>Annex III(4)(a)</c>), else why not.</summary>
    public static string? CheckEuAiAct(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var article = ArticlePattern().Match(id);
        if (article.Success)
        {
            var number = int.Parse(article.Groups[1].Value, CultureInfo.InvariantCulture);
            return number is >= 1 and <= 113 ? null : $"'{id}': the EU AI Act has articles 1 to 113";
        }
        var annex = AnnexPattern().Match(id);
        if (annex.Success) return null;
        return $"'{id}' is not an EU AI Act reference (expected e.g. 'Art. 9', 'Art. 10(2)(f)', 'Annex IV', 'Annex III(4)(a)')";
    }

    /// <summary>Null when <paramref name="id"/> is a NIST AI RMF 1.0 subcategory (<c>MAP 1.1</c>), else why not.</summary>
    public static string? CheckNist(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var match = NistPattern().Match(id);
        if (!match.Success)
            return $"'{id}' is not a NIST AI RMF subcategory id (expected FUNCTION N.N, e.g. 'GOVERN 1.2', 'MAP 1.1', 'MEASURE 2.11', 'MANAGE 4.1')";
        var counts = NistSubcategories[match.Groups[1].Value];
        var category = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var sub = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (category < 1 || category > counts.Length)
            return $"'{id}': {match.Groups[1].Value} has categories 1 to {counts.Length}";
        if (sub < 1 || sub > counts[category - 1])
            return $"'{id}': {match.Groups[1].Value} {category} has subcategories {category}.1 to {category}.{counts[category - 1]}";
        return null;
    }

    /// <summary>Null when <paramref name="id"/> is an ISO/IEC 42001 Annex A control (<c>A.6.2.4</c>), else why not.</summary>
    public static string? CheckIso42001(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (IsoControls.Contains(id)) return null;
        return IsoPattern().IsMatch(id)
            ? $"'{id}' is not an ISO/IEC 42001 Annex A control (A.2.2 to A.10.4; e.g. 'A.5.2', 'A.6.2.4')"
            : $"'{id}' is not an ISO/IEC 42001 Annex A control id (expected e.g. 'A.6.2.4')";
    }

    [GeneratedRegex(@"^Art\. (\d{1,3})(\(\d{1,2}\)(\([a-z]\))?)?$")]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^Annex (I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII)(\(\d{1,2}\)(\([a-z]\))?)?$")]
    private static partial Regex AnnexPattern();

    [GeneratedRegex(@"^(GOVERN|MAP|MEASURE|MANAGE) (\d{1,2})\.(\d{1,2})$")]
    private static partial Regex NistPattern();

    [GeneratedRegex(@"^A\.\d{1,2}(\.\d{1,2}){1,2}$")]
    private static partial Regex IsoPattern();
}
