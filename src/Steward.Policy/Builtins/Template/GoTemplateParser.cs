using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// Parses Go's text/template: text and actions, if/else, range (with break and continue), with, variables, pipes,
/// and named templates (define, template, block).
/// </summary>
internal sealed class GoTemplateParser
{
    private readonly List<(bool IsAction, string Text)> _parts = [];
    private readonly Dictionary<string, List<GoTemplateNode>> _templates = new(StringComparer.Ordinal);
    private int _next;
    private int _nesting;
    private int _ranges;

    private GoTemplateParser(string template) => Split(template);

    /// <summary>The main template's nodes and the templates it defines by name.</summary>
    public static (List<GoTemplateNode> Nodes, Dictionary<string, List<GoTemplateNode>> Templates) Parse(string template)
    {
        var parser = new GoTemplateParser(template);
        var (nodes, end) = parser.List();
        return end is null ? (nodes, parser._templates) : throw Error($"unexpected {{{{{end}}}}}");
    }

    private static BuiltinException Error(string message) => new($"template: template:1: {message}");

    private void Split(string template)
    {
        var i = 0;
        var text = new StringBuilder();
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error("unclosed action");
            }

            var inner = template[(open + 2)..close];
            var trimLeft = inner.StartsWith("- ", StringComparison.Ordinal) || inner == "-";
            var trimRight = inner.EndsWith(" -", StringComparison.Ordinal);
            if (trimLeft)
            {
                inner = inner[1..];
                var t = text.ToString().TrimEnd(' ', '\t', '\r', '\n');
                text.Clear().Append(t);
            }

            if (trimRight)
            {
                inner = inner[..^1];
            }

            _parts.Add((false, text.ToString()));
            text.Clear();
            _parts.Add((true, inner.Trim()));
            i = close + 2;
            if (trimRight)
            {
                while (i < template.Length && template[i] is ' ' or '\t' or '\r' or '\n')
                {
                    i++;
                }
            }
        }

        _parts.Add((false, text.ToString()));
    }

    /// <summary>Nodes up to an {{end}} or {{else...}}, which is returned.</summary>
    private (List<GoTemplateNode> Nodes, string? End) List()
    {
        var nodes = new List<GoTemplateNode>();
        while (_next < _parts.Count)
        {
            var (isAction, text) = _parts[_next++];
            if (!isAction)
            {
                if (text.Length > 0)
                {
                    nodes.Add(new GoTemplateNode.Text(text));
                }

                continue;
            }

            if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                continue;
            }

            var word = text.Split(' ', 2)[0];
            switch (word)
            {
                case "end":
                    return (nodes, "end");
                case "else":
                    return (nodes, text);
                case "if" or "with" or "range":
                    _nesting++;
                    nodes.Add(Branch(word, text[word.Length..].Trim()));
                    _nesting--;
                    break;
                case "break" or "continue":
                    if (_ranges == 0)
                    {
                        throw Error($"{{{{{word}}}}} outside {{{{range}}}}");
                    }

                    nodes.Add(new GoTemplateNode.LoopControl(word == "break"));
                    break;
                case "define" or "block":
                {
                    if (word == "define" && _nesting > 0)
                    {
                        throw Error("unexpected <define> in command");
                    }

                    var (name, rest) = TemplateName(text[word.Length..], word);
                    if (word == "define" && rest.Length > 0)
                    {
                        throw Error($"unexpected \"{rest}\" in define clause");
                    }

                    _nesting++;
                    var saved = _ranges;
                    _ranges = 0;
                    var (body, end) = List();
                    _ranges = saved;
                    _nesting--;
                    if (end != "end")
                    {
                        throw Error($"unexpected {(end is null ? "EOF" : "{{" + end + "}}")} in {word} clause");
                    }

                    _templates[name] = body;
                    if (word == "block")
                    {
                        nodes.Add(new GoTemplateNode.Invoke(name, rest.Length > 0 ? Pipeline(rest) : null, text));
                    }

                    break;
                }

                case "template":
                {
                    var (name, rest) = TemplateName(text[word.Length..], word);
                    nodes.Add(new GoTemplateNode.Invoke(name, rest.Length > 0 ? Pipeline(rest) : null, text));
                    break;
                }
                default:
                    nodes.Add(new GoTemplateNode.Action(Pipeline(text)));
                    break;
            }
        }

        return (nodes, null);
    }

    /// <summary>The quoted name after define, block or template, and the text after it.</summary>
    private static (string Name, string After) TemplateName(string text, string keyword)
    {
        var tokens = text.Trim();
        if (tokens.Length == 0 || tokens[0] is not ('"' or '`'))
        {
            throw Error($"unexpected \"{tokens}\" in {keyword} clause");
        }

        var close = tokens.IndexOf(tokens[0], 1);
        if (close < 0)
        {
            throw Error("unterminated quoted string");
        }

        return (tokens[1..close], tokens[(close + 1)..].Trim());
    }

    private GoTemplateNode Branch(string kind, string pipeText)
    {
        var pipe = Pipeline(pipeText);
        if (kind == "range")
        {
            _ranges++;
        }

        var (body, end) = List();
        if (kind == "range")
        {
            _ranges--;
        }

        List<GoTemplateNode>? otherwise = null;
        if (end is null)
        {
            throw Error($"unexpected EOF in {kind}");
        }

        if (end != "end")
        {
            var rest = end[4..].Trim();
            if (rest.StartsWith("if ", StringComparison.Ordinal) && kind == "if")
            {
                otherwise = [Branch("if", rest[3..].Trim())];
            }
            else if (rest.StartsWith("with ", StringComparison.Ordinal) && kind == "with")
            {
                otherwise = [Branch("with", rest[5..].Trim())];
            }
            else
            {
                (otherwise, end) = List();
                if (end != "end")
                {
                    throw Error($"expected end; found {end ?? "EOF"}");
                }
            }
        }

        return new GoTemplateNode.Branch(kind, pipe, body, otherwise);
    }

    private static GoTemplateNode.Pipeline Pipeline(string text)
    {
        var tokens = Tokenize(text);
        var declarations = new List<string>();
        var assign = false;
        var decl = tokens.FindIndex(t => t.Kind == "op" && t.Value is ":=" or "=");
        if (decl > 0 && tokens.Take(decl).All(t => t.Kind == "var" || (t.Kind == "op" && t.Value == ",")))
        {
            declarations.AddRange(tokens.Take(decl).Where(t => t.Kind == "var").Select(t => t.Value));
            assign = tokens[decl].Value == "=";
            tokens = tokens[(decl + 1)..];
        }

        var commands = new List<List<GoTemplateNode.Token>> { new() };
        foreach (var token in tokens)
        {
            if (token.Kind == "op" && token.Value == "|")
            {
                commands.Add([]);
            }
            else
            {
                commands[^1].Add(token);
            }
        }

        if (commands.Exists(c => c.Count == 0))
        {
            throw Error($"missing value for command in {text}");
        }

        return new GoTemplateNode.Pipeline(declarations, assign, commands, text);
    }

    private static List<GoTemplateNode.Token> Tokenize(string text)
    {
        var tokens = new List<GoTemplateNode.Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '"' || c == '`')
            {
                var j = i + 1;
                var value = new StringBuilder();
                while (j < text.Length && text[j] != c)
                {
                    if (c == '"' && text[j] == '\\' && j + 1 < text.Length)
                    {
                        j++;
                        value.Append(text[j] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[j] });
                    }
                    else
                    {
                        value.Append(text[j]);
                    }

                    j++;
                }

                if (j >= text.Length)
                {
                    throw Error("unterminated quoted string");
                }

                tokens.Add(new("string", value.ToString()));
                i = j + 1;
                continue;
            }

            if (c == '(')
            {
                var depth = 1;
                var j = i + 1;
                while (j < text.Length && depth > 0)
                {
                    depth += text[j] == '(' ? 1 : text[j] == ')' ? -1 : 0;
                    j++;
                }

                if (depth != 0)
                {
                    throw Error("unclosed left paren");
                }

                var inner = Pipeline(text[(i + 1)..(j - 1)]);
                var k = j;
                while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '.' or '_'))
                {
                    k++;
                }

                tokens.Add(new("group", text[j..k], null, inner.Commands));
                i = k;
                continue;
            }

            if (c is '|' or ',')
            {
                tokens.Add(new("op", c.ToString()));
                i++;
                continue;
            }

            if (c == ':' && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add(new("op", ":="));
                i += 2;
                continue;
            }

            if (c == '=')
            {
                tokens.Add(new("op", "="));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('|' or '(' or ')' or ',' or '='))
            {
                if (text[i] == ':' && i + 1 < text.Length && text[i + 1] == '=')
                {
                    break;
                }

                i++;
            }

            var word = text[start..i];
            var kind = word switch
            {
                _ when word.StartsWith('$') => "var",
                _ when word.StartsWith('.') => "field",
                "true" or "false" => "bool",
                "nil" => "nil",
                _ when word.Length > 0 && (char.IsAsciiDigit(word[0]) || (word[0] is '-' or '+' && word.Length > 1)) => "number",
                _ => "ident",
            };
            tokens.Add(new(kind, word));
        }

        return tokens;
    }
}
