using System.Text;
using Steward.Policy.Values;
using static Steward.Policy.Builtins.GoTemplateNode;

namespace Steward.Policy.Builtins;

/// <summary>Executes parsed templates over Rego values with missingkey=error, printing values as Go's fmt does.</summary>
internal sealed class GoTemplateExecutor
{
    /// <summary>The deepest chain of {{template}} calls (Go stops at 100,000; a recursion this deep here would exhaust the stack first).</summary>
    private const int MaxDepth = 1000;

    private readonly Dictionary<string, List<GoTemplateNode>> _templates;
    private List<Dictionary<string, Value>> _scopes = [];
    private readonly StringBuilder _output = new();
    private int _depth;

    private GoTemplateExecutor(Dictionary<string, List<GoTemplateNode>> templates) => _templates = templates;

    /// <summary>What a walk ended with: the end of its nodes, or a {{break}} / {{continue}} for the enclosing range.</summary>
    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    public static string Execute(List<GoTemplateNode> nodes, Dictionary<string, List<GoTemplateNode>> templates, Value data)
    {
        var executor = new GoTemplateExecutor(templates);
        executor._scopes.Add(new Dictionary<string, Value>(StringComparer.Ordinal) { ["$"] = data });
        executor.Walk(nodes, data);
        return executor._output.ToString();
    }

    private static BuiltinException Error(string source, string message) =>
        new($"template: template:1: executing \"template\" at <{source}>: {message}");

    private Flow Walk(List<GoTemplateNode> nodes, Value dot)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Text t:
                    _output.Append(t.Value);
                    break;
                case GoTemplateNode.Action a:
                    var value = Pipeline(a.Pipe, dot);
                    if (a.Pipe.Declarations.Count == 0)
                    {
                        _output.Append(Print(value));
                    }

                    break;
                case Branch b:
                    var flow = Run(b, dot);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }

                    break;
                case LoopControl control:
                    return control.IsBreak ? Flow.Break : Flow.Continue;
                case Invoke invoke:
                    Call(invoke, dot);
                    break;
            }
        }

        return Flow.Normal;
    }

    /// <summary>{{template "name" pipeline}}: the named template with the pipeline's value as dot and as $.</summary>
    private void Call(Invoke invoke, Value dot)
    {
        if (!_templates.TryGetValue(invoke.Name, out var body))
        {
            throw Error(invoke.Source, $"template \"{invoke.Name}\" not defined");
        }

        if (++_depth > MaxDepth)
        {
            throw Error(invoke.Source, $"exceeded maximum template depth ({MaxDepth})");
        }

        var data = invoke.Pipe is null ? NullValue.Instance : Pipeline(invoke.Pipe, dot);
        var outer = _scopes;
        _scopes = [new Dictionary<string, Value>(StringComparer.Ordinal) { ["$"] = data }];
        try
        {
            Walk(body, data);
        }
        finally
        {
            _scopes = outer;
            _depth--;
        }
    }

    private Flow Run(Branch branch, Value dot)
    {
        _scopes.Add(new Dictionary<string, Value>(StringComparer.Ordinal));
        try
        {
            switch (branch.Kind)
            {
                case "if":
                    return Walk(Truthy(Pipeline(branch.Pipe, dot)) ? branch.Body : branch.Else ?? [], dot);
                case "with":
                    var value = Pipeline(branch.Pipe, dot);
                    if (Truthy(value))
                    {
                        return Walk(branch.Body, value);
                    }

                    return branch.Else is not null ? Walk(branch.Else, dot) : Flow.Normal;
                default:
                    Range(branch, dot);
                    return Flow.Normal;
            }
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void Range(Branch branch, Value dot)
    {
        var pipe = branch.Pipe with { Declarations = [] };
        var collection = Pipeline(pipe, dot);
        var entries = new List<(Value Key, Value Value)>();
        switch (collection)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    entries.Add((NumberValue.Of(i), a[i]));
                }

                break;
            case SetValue s:
                for (var i = 0; i < s.Count; i++)
                {
                    entries.Add((NumberValue.Of(i), s.Items[i]));
                }

                break;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    entries.Add((o.Keys[i], o.Values[i]));
                }

                break;
            case NumberValue n when n.TryGetInt64(out var count):
                for (var i = 0L; i < count; i++)
                {
                    entries.Add((NumberValue.Of(i), NumberValue.Of(i)));
                }

                break;
            case NullValue:
                break;
            default:
                throw Error(branch.Pipe.Source, $"range can't iterate over {Print(collection)}");
        }

        if (entries.Count == 0)
        {
            if (branch.Else is not null && Walk(branch.Else, dot) != Flow.Normal)
            {
                return;
            }

            return;
        }

        foreach (var (key, value) in entries)
        {
            var declarations = branch.Pipe.Declarations;
            if (declarations.Count == 1)
            {
                _scopes[^1][declarations[0]] = value;
            }
            else if (declarations.Count == 2)
            {
                _scopes[^1][declarations[0]] = key;
                _scopes[^1][declarations[1]] = value;
            }

            if (Walk(branch.Body, value) == Flow.Break)
            {
                break;
            }
        }
    }

    private Value Pipeline(Pipeline pipe, Value dot)
    {
        Value? value = null;
        foreach (var command in pipe.Commands)
        {
            value = Command(command, dot, value, pipe.Source);
        }

        value ??= NullValue.Instance;
        if (pipe.Declarations.Count > 0)
        {
            var name = pipe.Declarations[^1];
            if (pipe.Assign)
            {
                var scope = _scopes.FindLast(s => s.ContainsKey(name)) ?? throw Error(pipe.Source, $"undefined variable: {name}");
                scope[name] = value;
            }
            else
            {
                _scopes[^1][name] = value;
            }
        }

        return value;
    }

    private Value Command(List<Token> command, Value dot, Value? piped, string source)
    {
        var head = command[0];
        if (head.Kind == "ident")
        {
            var args = command.Skip(1).Select(t => Operand(t, dot, source)).ToList();
            if (piped is not null)
            {
                args.Add(piped);
            }

            return Function(head.Value, args, source);
        }

        if (command.Count > 1 || piped is not null)
        {
            throw Error(source, $"can't give argument to non-function {head.Value}");
        }

        return Operand(head, dot, source);
    }

    private Value Operand(Token token, Value dot, string source) => token.Kind switch
    {
        "string" => new StringValue(token.Value),
        "bool" => BooleanValue.Of(token.Value == "true"),
        "nil" => NullValue.Instance,
        "number" => NumberValue.TryParse(token.Value, out var n) ? n : throw Error(source, $"bad number syntax: {token.Value}"),
        "field" => Fields(dot, token.Value, source),
        "var" => Variable(token.Value, source),
        "group" => Fields(GroupValue(token, dot, source), token.Value, source),
        _ => throw Error(source, $"function \"{token.Value}\" not defined"),
    };

    private Value GroupValue(Token token, Value dot, string source)
    {
        Value? value = null;
        foreach (var command in token.Group!)
        {
            value = Command(command, dot, value, source);
        }

        return value ?? NullValue.Instance;
    }

    private Value Variable(string text, string source)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? text : text[..dot];
        var scope = _scopes.FindLast(s => s.ContainsKey(name)) ?? throw Error(source, $"undefined variable: {name}");
        var value = scope[name];
        return dot < 0 ? value : Fields(value, text[dot..], source);
    }

    private static Value Fields(Value value, string path, string source)
    {
        if (path is "" or ".")
        {
            return value;
        }

        foreach (var field in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            value = value switch
            {
                ObjectValue o => o.Get(field) ?? throw Error(source, $"map has no entry for key \"{field}\""),
                NullValue => throw Error(source, $"nil pointer evaluating interface {{}}.{field}"),
                _ => throw Error(source, $"can't evaluate field {field} in type {GoType(value)}"),
            };
        }

        return value;
    }

    private static string GoType(Value value) => value switch
    {
        StringValue => "string",
        NumberValue => "json.Number",
        BooleanValue => "bool",
        ArrayValue or SetValue => "[]interface {}",
        _ => "interface {}",
    };

    private static bool Truthy(Value value) => value switch
    {
        NullValue => false,
        BooleanValue b => b.Value,
        NumberValue n => n.AsDouble != 0,
        StringValue s => s.Value.Length > 0,
        ArrayValue a => a.Count > 0,
        SetValue s => s.Count > 0,
        ObjectValue o => o.Count > 0,
        _ => true,
    };

    private static Value Function(string name, List<Value> args, string source)
    {
        switch (name)
        {
            case "and":
                return args.FirstOrDefault(a => !Truthy(a)) ?? args.LastOrDefault() ?? NullValue.Instance;
            case "or":
                return args.FirstOrDefault(Truthy) ?? args.LastOrDefault() ?? NullValue.Instance;
            case "not":
                return BooleanValue.Of(!Truthy(args.Single()));
            case "len":
                return args.Single() switch
                {
                    StringValue s => NumberValue.Of(Encoding.UTF8.GetByteCount(s.Value)),
                    ArrayValue a => NumberValue.Of(a.Count),
                    SetValue s => NumberValue.Of(s.Count),
                    ObjectValue o => NumberValue.Of(o.Count),
                    var other => throw Error(source, $"error calling len: len of type {GoType(other)}"),
                };
            case "index":
                var current = args[0];
                foreach (var key in args.Skip(1))
                {
                    current = current switch
                    {
                        ObjectValue o => o.Get(key) ?? NullValue.Instance,
                        ArrayValue a when key is NumberValue n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count => a[(int)i],
                        _ => throw Error(source, "error calling index: index out of range"),
                    };
                }

                return current;
            case "print":
                return new StringValue(Sprint(args, spaces: false));
            case "println":
                return new StringValue(string.Join(" ", args.Select(Print)) + "\n");
            case "printf":
                return new StringValue(GoSprintf.Format(args[0] is StringValue f ? f.Value : Print(args[0]), args.Skip(1).ToArray()));
            case "eq":
                return BooleanValue.Of(args.Skip(1).Any(a => a.Equals(args[0])));
            case "ne":
                return BooleanValue.Of(!args[0].Equals(args[1]));
            case "lt":
                return BooleanValue.Of(Value.Compare(args[0], args[1]) < 0);
            case "le":
                return BooleanValue.Of(Value.Compare(args[0], args[1]) <= 0);
            case "gt":
                return BooleanValue.Of(Value.Compare(args[0], args[1]) > 0);
            case "ge":
                return BooleanValue.Of(Value.Compare(args[0], args[1]) >= 0);
            case "urlquery":
                return new StringValue(UrlQueryBuiltins.Escape(Sprint(args, spaces: false)));
            case "html":
                return new StringValue(System.Net.WebUtility.HtmlEncode(Sprint(args, spaces: false)));
            case "js":
                return new StringValue(JsEscape(Sprint(args, spaces: false)));
            case "slice":
                return Slice(args, source);
            case "call":
                throw Error(source, args.Count == 0
                    ? "wrong number of args for call: want at least 1 got 0"
                    : $"error calling call: non-function of type {GoType(args[0])}");
            default:
                throw new BuiltinException($"template: template:1: function \"{name}\" not defined");
        }
    }

    /// <summary>Go's template.JSEscapeString: quotes, backslash, angle brackets, ampersand and equals escaped, control and non-printable characters as \uXXXX.</summary>
    private static string JsEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '"': builder.Append("\\\""); break;
                case '<': builder.Append("\\u003C"); break;
                case '>': builder.Append("\\u003E"); break;
                case '&': builder.Append("\\u0026"); break;
                case '=': builder.Append("\\u003D"); break;
                case < ' ': builder.Append("\\u00").Append(((byte)rune.Value).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default:
                    if (rune.Value >= 0x80 && (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator || (Rune.IsWhiteSpace(rune) && rune.Value != 0x3000 && rune.Value != 0xA0)))
                    {
                        builder.Append("\\u").Append(rune.Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Go's slice function: x[i:j] (or x[i:j:k] for arrays), strings sliced by UTF-8 bytes.</summary>
    private static Value Slice(List<Value> args, string source)
    {
        if (args.Count == 0)
        {
            throw Error(source, "wrong number of args for slice: want at least 1 got 0");
        }

        var item = args[0];
        var indexes = new List<long>();
        foreach (var arg in args.Skip(1))
        {
            if (arg is not NumberValue n || !n.TryGetInt64(out var index))
            {
                throw Error(source, $"error calling slice: cannot index slice/array with type {GoType(arg)}");
            }

            indexes.Add(index);
        }

        if (indexes.Count > 3)
        {
            throw Error(source, $"error calling slice: too many slice indexes: {indexes.Count}");
        }

        byte[]? bytes = null;
        long length;
        switch (item)
        {
            case StringValue s:
                if (indexes.Count == 3)
                {
                    throw Error(source, "error calling slice: cannot 3-index slice a string");
                }

                bytes = Encoding.UTF8.GetBytes(s.Value);
                length = bytes.Length;
                break;
            case ArrayValue a:
                length = a.Count;
                break;
            default:
                throw Error(source, $"error calling slice: can't slice item of type {GoType(item)}");
        }

        var bounds = new long[] { 0, length, length };
        for (var i = 0; i < indexes.Count; i++)
        {
            if (indexes[i] < 0 || indexes[i] > length)
            {
                throw Error(source, $"error calling slice: index out of range: {indexes[i]}");
            }

            bounds[i] = indexes[i];
        }

        if (indexes.Count >= 2 && bounds[0] > bounds[1])
        {
            throw Error(source, $"error calling slice: invalid slice index: {bounds[0]} > {bounds[1]}");
        }

        if (indexes.Count == 3 && bounds[1] > bounds[2])
        {
            throw Error(source, $"error calling slice: invalid slice index: {bounds[1]} > {bounds[2]}");
        }

        var (from, to) = ((int)bounds[0], (int)bounds[1]);
        return bytes is not null
            ? new StringValue(Encoding.UTF8.GetString(bytes, from, to - from))
            : new ArrayValue([.. ((ArrayValue)item).Items.ToArray()[from..to]]);
    }

    private static string Sprint(List<Value> args, bool spaces)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && (spaces || (args[i] is not StringValue && args[i - 1] is not StringValue)))
            {
                builder.Append(' ');
            }

            builder.Append(Print(args[i]));
        }

        return builder.ToString();
    }

    /// <summary>A value as Go's fmt prints the decoded JSON (%v): maps as map[k:v], slices as [a b].</summary>
    public static string Print(Value value) => value switch
    {
        NullValue => "<no value>",
        StringValue s => s.Value,
        NumberValue n => n.ToJsonText(),
        BooleanValue b => b.Value ? "true" : "false",
        ArrayValue a => "[" + string.Join(" ", a.Items.ToArray().Select(Inner)) + "]",
        SetValue s => "[" + string.Join(" ", s.Items.ToArray().Select(Inner)) + "]",
        ObjectValue o => "map[" + string.Join(" ", Enumerable.Range(0, o.Count).Select(i => Inner(o.Keys[i]) + ":" + Inner(o.Values[i]))) + "]",
        _ => value.ToString(),
    };

    private static string Inner(Value value) => value is NullValue ? "<nil>" : Print(value);
}
