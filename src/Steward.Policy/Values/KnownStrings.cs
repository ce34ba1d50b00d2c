using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Steward.Policy.Values;

/// <summary>
/// One shared instance per short string that compiled policies use as a constant (object keys such as
/// <c>input.prediction</c>'s <c>prediction</c>, compared values such as <c>"response"</c>). The JSON reader hands
/// out these instances for object keys it recognises, so a policy's lookup of a key in parsed input confirms
/// the match by reference instead of comparing characters, and the reader allocates nothing for such keys.
/// </summary>
/// <remarks>
/// Process-wide and append-only, bounded in entry count and string length: a server that compiles many policy
/// versions keeps at most <see cref="MaxCount"/> short strings, after which new constants are simply not shared.
/// Shared instances have their hash and ASCII flag computed before they are published.
/// </remarks>
internal static class KnownStrings
{
    public const int MaxLength = 64;
    private const int MaxCount = 1 << 16;

    private static readonly ConcurrentDictionary<string, StringValue> Table = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, StringValue>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared instance for a policy constant (registering it), or the value itself when it is not shared.</summary>
    public static StringValue Share(StringValue value)
    {
        var text = value.Value;
        if (text.Length > MaxLength)
        {
            return value;
        }

        if (Table.TryGetValue(text, out var known))
        {
            return known;
        }

        if (Table.Count >= MaxCount)
        {
            return value;
        }

        _ = value.GetHashCode();
        _ = value.IsAscii;
        return Table.GetOrAdd(text, value);
    }

    /// <summary>The shared instance spelled <paramref name="text"/>, if a policy registered one.</summary>
    public static bool TryGet(ReadOnlySpan<char> text, [NotNullWhen(true)] out StringValue? value) => BySpan.TryGetValue(text, out value);
}
