using System.Collections.Concurrent;
using System.Globalization;

namespace Steward.Pii.Recognizers;

/// <summary>
/// Explanation strings composed from a format and one or two fixed parts ("Identified as {0} by ... ({1})"), made
/// once and reused: a recognizer reports thousands of results per MB, and most are built from a handful of rules.
/// </summary>
internal static class ExplanationText
{
    private const int MaxCached = 4096; // the parts come from fixed rule names; the bound only guards against surprises
    private static readonly ConcurrentDictionary<(string, string, string), string> Texts = new();

    /// <summary><paramref name="format"/> with <paramref name="first"/> as {0} and <paramref name="second"/> as {1}.</summary>
    public static string Of(string format, string first, string second = "")
    {
        if (Texts.TryGetValue((format, first, second), out var text)) return text;
        text = string.Format(CultureInfo.InvariantCulture, format, first, second);
        if (Texts.Count < MaxCached) Texts.TryAdd((format, first, second), text);
        return text;
    }
}
