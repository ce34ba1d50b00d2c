using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Probes.Classifier;

/// <summary>
/// Makes small, meaning-preserving changes to a seed input, one field at a time. Text fields get an adjacent-letter
/// swap, a keyboard-neighbour typo, a case change, extra whitespace, a punctuation change and a Cyrillic homoglyph;
/// numbers get ±1% and ±5% jitter (integers stay integers and always change by at least 1). The choices are drawn
/// from a seeded random generator, so a run is repeatable.
/// </summary>
internal sealed class Perturber(int seed)
{
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['a'] = '\u0430', ['e'] = '\u0435', ['o'] = '\u043E', ['p'] = '\u0440', ['c'] = '\u0441', ['x'] = '\u0445', ['i'] = '\u0456',
        ['A'] = '\u0410', ['E'] = '\u0415', ['O'] = '\u041E', ['P'] = '\u0420', ['C'] = '\u0421', ['T'] = '\u0422', ['H'] = '\u041D',
    };

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private readonly Random _random = new(seed);

    /// <summary>Every perturbation of every text and number field of <paramref name="input"/> (depth-first order).</summary>
    public IEnumerable<Perturbation> Perturb(JsonNode input)
    {
        foreach (var (path, value) in Leaves(input, "$"))
        {
            if (value.GetValueKind() == JsonValueKind.String)
            {
                var text = value.GetValue<string>();
                foreach (var (kind, changed) in Text(text))
                    if (changed != text) yield return new Perturbation(path, kind, text, changed, Replace(input, path, JsonValue.Create(changed)));
            }
            else if (value.GetValueKind() == JsonValueKind.Number)
            {
                foreach (var (kind, changed) in Number(value))
                    yield return new Perturbation(path, kind, value.ToJsonString(), changed.ToJsonString(), Replace(input, path, changed));
            }
        }
    }

    private IEnumerable<(string, string)> Text(string text)
    {
        var letters = Enumerable.Range(0, text.Length).Where(i => char.IsLetter(text[i])).ToList();
        if (letters.Count == 0) yield break;
        var pairs = letters.Where(i => i + 1 < text.Length && char.IsLetter(text[i + 1]) && text[i] != text[i + 1]).ToList();
        if (pairs.Count > 0)
        {
            var i = Pick(pairs);
            yield return ("swap", text[..i] + text[i + 1] + text[i] + text[(i + 2)..]);
        }
        var typeable = letters.Where(i => Neighbour(text[i]) is not null).ToList();
        if (typeable.Count > 0)
        {
            var i = Pick(typeable);
            yield return ("typo", text[..i] + Neighbour(text[i]) + text[(i + 1)..]);
        }
        yield return ("case", text.Any(char.IsLower) ? text.ToUpperInvariant() : text.ToLowerInvariant());
        var spaces = Enumerable.Range(0, text.Length).Where(i => text[i] == ' ').ToList();
        yield return ("whitespace", spaces.Count > 0 ? text.Insert(Pick(spaces), " ") : " " + text + " ");
        var punctuation = text.TrimEnd();
        yield return ("punctuation", punctuation.Length > 0 && char.IsPunctuation(punctuation[^1]) ? punctuation[..^1] : text + "!");
        var glyphs = letters.Where(i => Homoglyphs.ContainsKey(text[i])).ToList();
        if (glyphs.Count > 0)
        {
            var i = Pick(glyphs);
            yield return ("homoglyph", text[..i] + Homoglyphs[text[i]] + text[(i + 1)..]);
        }
    }

    private static IEnumerable<(string, JsonNode)> Number(JsonValue value)
    {
        var isInteger = value.TryGetValue<long>(out var whole);
        var number = isInteger ? whole : value.GetValue<double>();
        foreach (var percent in new[] { 1, -1, 5, -5 })
        {
            var kind = $"jitter{(percent > 0 ? "+" : "")}{percent.ToString(CultureInfo.InvariantCulture)}%";
            var changed = number * (1 + percent / 100.0);
            if (isInteger)
            {
                var rounded = (long)Math.Round(changed, MidpointRounding.AwayFromZero);
                if (rounded == whole) rounded = whole + Math.Sign(percent);
                yield return (kind, JsonValue.Create(rounded));
            }
            else if (number != 0)
            {
                yield return (kind, JsonValue.Create(changed));
            }
        }
    }

    private int Pick(List<int> positions) => positions[_random.Next(positions.Count)];

    private static char? Neighbour(char c)
    {
        var lower = char.ToLowerInvariant(c);
        foreach (var row in KeyboardRows)
        {
            var at = row.IndexOf(lower, StringComparison.Ordinal);
            if (at < 0) continue;
            var n = at + 1 < row.Length ? row[at + 1] : row[at - 1];
            return char.IsUpper(c) ? char.ToUpperInvariant(n) : n;
        }
        return null;
    }

    private static IEnumerable<(string Path, JsonValue Value)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                    foreach (var leaf in Leaves(child, IsPlain(key) ? $"{path}.{key}" : $"{path}['{key}']")) yield return leaf;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var leaf in Leaves(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]")) yield return leaf;
                break;
            case JsonValue value:
                yield return (path, value);
                break;
        }
    }

    private static bool IsPlain(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static JsonNode Replace(JsonNode input, string path, JsonNode replacement)
    {
        var copy = input.DeepClone();
        if (path == "$") return replacement;
        var target = Http.JsonPath.Parse(path).Select(copy)!;
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
        return copy;
    }
}
