using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Steward.Governance.RedTeam;

/// <summary>
/// The MITRE ATLAS techniques Steward knows (the embedded <c>atlas-techniques.tsv</c>). A finding's technique ids
/// must have the ATLAS format and be known: an unknown id is refused rather than stored, so gate policies and
/// reports never count a typo as a technique.
/// </summary>
public static partial class AtlasTechniques
{
    private static readonly Lazy<FrozenDictionary<string, string>> Catalog = new(Load);

    /// <summary>Technique id to name, e.g. <c>AML.T0043</c> → Craft Adversarial Data.</summary>
    public static IReadOnlyDictionary<string, string> All => Catalog.Value;

    /// <summary>Whether the id has the ATLAS form <c>AML.T0000</c> or <c>AML.T0000.000</c>.</summary>
    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    /// <summary>The technique's name, or null when it is not in the catalogue.</summary>
    public static string? NameOf(string id) => Catalog.Value.GetValueOrDefault(id);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(AtlasTechniques).Assembly.GetManifestResourceStream("Steward.Governance.RedTeam.atlas-techniques.tsv")
            ?? throw new InvalidOperationException("the ATLAS catalogue resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        var techniques = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || !IsWellFormed(parts[0]) || !techniques.TryAdd(parts[0], parts[1]))
                throw new InvalidOperationException($"atlas-techniques.tsv line {number}: expected a new 'AML.Tnnnn[.nnn]<TAB>name'");
        }
        return techniques.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^AML\.T[0-9]{4}(\.[0-9]{3})?$")]
    private static partial Regex IdPattern();
}
