using System.Globalization;
using System.Text.Json.Nodes;

namespace Steward.Probes.Http;

/// <summary>
/// A small JSON path: <c>$</c>, then members (<c>.name</c> or <c>['name']</c>) and array indexes (<c>[0]</c>);
/// the leading <c>$</c> is optional. Enough to point at a prediction or an answer in a response.
/// </summary>
public sealed class JsonPath
{
    private readonly List<object> _steps;

    private JsonPath(string text, List<object> steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path; throws <see cref="FormatException"/> saying where it is wrong.</summary>
    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<object>();
        var i = text.StartsWith('$') ? 1 : 0;
        var expectMember = i == 0;
        while (i < text.Length)
        {
            if (expectMember || text[i] == '.')
            {
                if (!expectMember) i++;
                expectMember = false;
                var start = i;
                while (i < text.Length && text[i] is not ('.' or '[')) i++;
                if (i == start) throw new FormatException($"JSON path '{text}': empty member name at position {start}");
                steps.Add(text[start..i]);
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0) throw new FormatException($"JSON path '{text}': '[' at position {i} is not closed");
                var inner = text[(i + 1)..end];
                if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0]) steps.Add(inner[1..^1]);
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) steps.Add(index);
                else throw new FormatException($"JSON path '{text}': '[{inner}]' is neither an index nor a quoted name");
                i = end + 1;
            }
            else throw new FormatException($"JSON path '{text}': unexpected '{text[i]}' at position {i}");
        }
        return new JsonPath(text, steps);
    }

    /// <summary>The node at the path, or null when the document has nothing there.</summary>
    public JsonNode? Select(JsonNode? root)
    {
        var node = root;
        foreach (var step in _steps)
        {
            node = (step, node) switch
            {
                (string name, JsonObject obj) => obj[name],
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
