namespace Steward.Policy.Compilation.Types;

/// <summary>
/// Reads the type notation of the signature table: <c>any</c>, <c>null</c>, <c>boolean</c>, <c>number</c>,
/// <c>string</c>, <c>array[T]</c>, <c>set[T]</c>, <c>object[K: V]</c> and unions <c>any&lt;A, B&gt;</c>.
/// </summary>
internal sealed class TypeSpecParser
{
    private readonly string _text;
    private int _position;

    private TypeSpecParser(string text) => _text = text;

    /// <summary>Parses a comma-separated list of types (possibly empty).</summary>
    public static IReadOnlyList<RegoType> ParseList(string text)
    {
        var parser = new TypeSpecParser(text);
        var types = new List<RegoType>();
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            return types;
        }

        types.Add(parser.Type());
        while (parser.TryTake(','))
        {
            types.Add(parser.Type());
        }

        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"unexpected text at {parser._position} in type list \"{text}\"");
        }

        return types;
    }

    private bool AtEnd => _position >= _text.Length;

    private RegoType Type()
    {
        SkipSpace();
        var start = _position;
        while (!AtEnd && (char.IsLetter(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        var name = _text[start.._position];
        switch (name)
        {
            case "any" when TryTake('<'):
                var alternatives = new List<RegoType> { Type() };
                while (TryTake(','))
                {
                    alternatives.Add(Type());
                }

                Expect('>');
                return RegoType.Union(alternatives);
            case "any":
                return RegoType.Any;
            case "null":
                return RegoType.Null;
            case "boolean":
                return RegoType.Boolean;
            case "number":
                return RegoType.Number;
            case "string":
                return RegoType.String;
            case "array":
                Expect('[');
                var element = Type();
                Expect(']');
                return RegoType.ArrayOf(element);
            case "set":
                Expect('[');
                var member = Type();
                Expect(']');
                return RegoType.SetOf(member);
            case "object":
                Expect('[');
                var key = Type();
                Expect(':');
                var value = Type();
                Expect(']');
                return RegoType.ObjectOf(key, value);
            default:
                throw new FormatException($"unknown type \"{name}\" in \"{_text}\"");
        }
    }

    private bool TryTake(char c)
    {
        SkipSpace();
        if (!AtEnd && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw new FormatException($"expected '{c}' at {_position} in \"{_text}\"");
        }
    }

    private void SkipSpace()
    {
        while (!AtEnd && _text[_position] == ' ')
        {
            _position++;
        }
    }
}
