using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Steward.Pii.Recognizers;

/// <summary>
/// Explanation strings composed from a format and one or two fixed parts ("Identified as {0} by ... ({1})"), made
/// once and reused: a recognizer reports thousands of results per MB, and most are built from a handful of rules.
/// </summary>
internal static class ExplanationText
{
    private const int MaxCached = 4096; // the parts come from fixed rule names; the bound only guards against surprises
    private static readonly ConcurrentDictionary<(string Format, string First, string Second), string> Texts = new(new ByFormatInstance());

    /// <summary>
    /// <paramref name="format"/> with <paramref name="first"/> as {0} and <paramref name="second"/> as {1}. The format
    /// should be a literal: the cache tells formats apart by instance (no hashing of the format's text per call).
    /// </summary>
    public static string Of(string format, string first, string second = "")
    {
        if (Texts.TryGetValue((format, first, second), out var text)) return text;
        text = string.Format(CultureInfo.InvariantCulture, format, first, second);
        if (Texts.Count < MaxCached) Texts.TryAdd((format, first, second), text);
        return text;
    }

    private sealed class ByFormatInstance : IEqualityComparer<(string Format, string First, string Second)>
    {
        public bool Equals((string Format, string First, string Second) x, (string Format, string First, string Second) y) =>
            ReferenceEquals(x.Format, y.Format) && string.Equals(x.First, y.First, StringComparison.Ordinal) && string.Equals(x.Second, y.Second, StringComparison.Ordinal);

        public int GetHashCode((string Format, string First, string Second) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Format), string.GetHashCode(key.First, StringComparison.Ordinal), key.Second.Length);
    }
}
