using System.Text;

namespace Steward.Pii.Anonymization;

/// <summary>
/// Splices replacements into a text from right to left, as Presidio's <c>TextReplaceBuilder</c>: a span that
/// overlaps the previous (later) replacement only replaces up to where that one began, and each replacement's
/// position is returned counted from the end of the output, which later replacements to its left do not move.
/// </summary>
internal sealed class TextReplacer(string original)
{
    private readonly StringBuilder _output = new(original);
    private int _lastStart = original.Length;

    public string Output => _output.ToString();

    /// <summary>Replaces <c>[start, end)</c> (clipped at the previous replacement); returns the new text's start counted from the end.</summary>
    public int Replace(string replacement, int start, int end)
    {
        var stop = Math.Min(end, _lastStart);
        _lastStart = start;
        var removed = Math.Max(0, stop - start);
        _output.Remove(start, removed).Insert(start, replacement);
        return _output.Length - start;
    }
}
