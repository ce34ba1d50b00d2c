using Steward.Pii.Recognizers.Names;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii;

/// <summary>The recognizers an analyzer runs, per language.</summary>
public sealed class RecognizerRegistry
{
    private readonly List<Recognizer> _recognizers;
    private readonly Dictionary<string, Recognizer[]> _byLanguage;

    /// <summary>Creates a registry holding <paramref name="recognizers"/>.</summary>
    public RecognizerRegistry(IEnumerable<Recognizer> recognizers)
    {
        _recognizers = [.. recognizers];
        var duplicate = _recognizers.GroupBy(r => (r.Name, r.SupportedLanguage)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two recognizers are named '{duplicate.Key.Name}'", nameof(recognizers));
        _byLanguage = _recognizers.GroupBy(r => r.SupportedLanguage, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Languages = [.. _byLanguage.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every recognizer.</summary>
    public IReadOnlyList<Recognizer> All => _recognizers;

    /// <summary>The recognizers serving <paramref name="language"/>.</summary>
    public IReadOnlyList<Recognizer> For(string language) => _byLanguage.TryGetValue(language, out var list) ? list : [];

    /// <summary>The languages served.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Every entity type reported for <paramref name="language"/>, sorted.</summary>
    public IReadOnlyList<string> EntitiesFor(string language) =>
        [.. For(language).SelectMany(r => r.SupportedEntities).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The default recognizers: every pattern and checksum recognizer plus the name, place and organisation recognizers.</summary>
    public static RecognizerRegistry CreateDefault(PiiEngineOptions? options = null)
    {
        options ??= new PiiEngineOptions();
        return new RecognizerRegistry([.. DefaultPatternRecognizers.Create(options), .. DefaultNameRecognizers.Create(options)]);
    }

    /// <summary>The pattern and checksum recognizers only (no gazetteers, no model): the fast set.</summary>
    public static RecognizerRegistry CreatePatternOnly(PiiEngineOptions? options = null) =>
        new(DefaultPatternRecognizers.Create(options ?? new PiiEngineOptions()));
}
