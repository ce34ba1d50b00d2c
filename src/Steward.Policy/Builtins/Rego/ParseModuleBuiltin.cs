using System.Text;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// <c>rego.parse_module(filename, text)</c> (OPA 1.x <c>topdown/parse.go</c>): the module parsed as Rego v1 and given
/// as OPA gives it, the JSON of its <c>ast.Module</c> read back as a value. That JSON is what Go's encoding/json makes
/// of OPA's AST types with OPA's default options (no locations): terms are <c>{"type", "value"}</c> (a null's value is
/// <c>{}</c>, refs, arrays and calls are arrays of terms, sets are their sorted elements, objects sorted
/// <c>[key, value]</c> pairs), expressions <c>{"index", "terms", "negated"?, "with"?}</c>, rule heads
/// <c>{"name"?, "ref", "args"?, "key"?, "value"?, "assign"?}</c> with the parser's own rewriting (<c>_</c> becomes
/// <c>$0</c>, <c>$1</c>, ... in parse order; <c>input</c> and <c>data</c> become refs; operators become calls of
/// <c>equal</c>, <c>plus</c>, <c>internal.member_2</c>, ...; a missing value or body is <c>true</c>; heads such as
/// <c>p[x] if</c> and <c>p.q := 1</c> get the key and name OPA's parser gives them) and comments as Go encodes OPA's
/// untagged <c>Comment</c> struct (<c>{"Location": {"file", "row", "col"}, "Text": base64}</c>). Annotations are not
/// included (OPA parses without processing them). A syntax error is a built-in error with the text of OPA's error list.
/// </summary>
internal static class ParseModuleBuiltin
{
    public static void Register(BuiltinRegistry r) =>
        r.Register("rego.parse_module", 2, (_, a) => Parse(Operand.String(a, 0), Operand.String(a, 1)));

    internal static ObjectValue Parse(string fileName, string text)
    {
        try
        {
            var tokens = Lexer.Tokenize(text, fileName, out var comments);
            if (tokens.Count == 1)
            {
                // Only comments or white space: OPA's "empty module", at row 0 of the file.
                throw new BuiltinException($"1 error occurred: {(fileName.Length > 0 ? fileName : "0")}:0: rego_parse_error: empty module");
            }

            var module = new Parser(tokens, fileName).ParseModule();
            return new Converter(fileName, Templates(text, tokens)).Module(module, comments);
        }
        catch (RegoParseException e)
        {
            throw new BuiltinException(ParseErrorText(fileName, text, e.Line, e.Column, e.Detail));
        }
    }

    /// <summary>Where template strings start (Steward lowers them; OPA keeps them), and whether each is raw.</summary>
    private static Dictionary<SourceLocation, bool> Templates(string text, List<Token> tokens)
    {
        var templates = new Dictionary<SourceLocation, bool>();
        var lineStarts = LineStarts(text);
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.TemplateHead or TokenKind.TemplateWhole)
            {
                // The token starts at the `$`; the next character says whether the template is raw (`$`...``).
                var at = lineStarts[token.Line - 1] + token.Column - 1;
                templates[token.Location] = at + 1 < text.Length && text[at + 1] == '`';
            }
        }

        return templates;
    }

    /// <summary>OPA's text of a one-error list: <c>1 error occurred: file:row: rego_parse_error: detail</c> and the source line with a caret.</summary>
    private static string ParseErrorText(string fileName, string text, int line, int column, string detail)
    {
        var where = fileName.Length > 0 ? $"{fileName}:{line}" : $"{line}:{column}";
        var message = new StringBuilder($"1 error occurred: {where}: rego_parse_error: {detail}");
        if (detail is "package expected" or "`if` keyword is required before rule body" || text.Length == 0)
        {
            // OPA reports these when it checks the statement list (NewError), without the source line.
            return message.ToString();
        }

        var starts = LineStarts(text);
        var offset = line - 1 < starts.Count ? starts[line - 1] + column - 1 : text.Length;
        offset = Math.Clamp(offset, 0, text.Length - 1);
        while (offset > 0 && char.IsWhiteSpace(text[offset]))
        {
            offset--;
        }

        var begin = offset;
        while (begin > 0 && text[begin] is not ('\n' or '\r'))
        {
            begin--;
        }

        if (text[begin] is '\n' or '\r')
        {
            begin++;
        }

        var end = offset;
        while (end < text.Length && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        begin = Math.Min(begin, end);
        var source = text[begin..end];
        var trimmed = source.TrimStart('\t');
        var indent = Math.Max(0, offset - begin - (source.Length - trimmed.Length));
        message.Append("\n\t").Append(trimmed).Append("\n\t").Append(' ', indent).Append('^');
        return message.ToString();
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>A term as OPA's JSON holds it, with what OPA's value ordering needs to sort it inside sets and objects.</summary>
    /// <param name="Json">The <c>{"type", "value"}</c> object.</param>
    /// <param name="Order">OPA's sort order of the value's type (null 0, boolean 1, number 2, string 3, var 4, ref 5, array 6, object 7, set 8, comprehensions 9-11, call 12).</param>
    /// <param name="Key">The scalar value, the var name, the element terms, or the object's sorted pairs.</param>
    private sealed record T(ObjectValue Json, int Order, object? Key);

    private sealed class Converter(string fileName, Dictionary<SourceLocation, bool> templates)
    {
        private static readonly StringValue TypeKey = new("type");
        private static readonly StringValue ValueKey = new("value");
        private int _wildcards;

        public ObjectValue Module(Syntax.Module module, List<Lexer.Comment> comments)
        {
            var o = new ObjectBuilder();
            var path = new List<Value> { Var("data").Json };
            path.AddRange(module.Package.Path.Select(p => (Value)Str(p).Json));
            o.Set(new StringValue("package"), Obj(("path", new ArrayValue([.. path]))));
            if (module.Imports.Count > 0)
            {
                o.Set(new StringValue("imports"), new ArrayValue([.. module.Imports.Select(Import)]));
            }

            if (module.Rules.Count > 0)
            {
                o.Set(new StringValue("rules"), new ArrayValue([.. module.Rules.Select(Rule)]));
            }

            if (comments.Count > 0)
            {
                o.Set(new StringValue("comments"), new ArrayValue([.. comments.Select(Comment)]));
            }

            return o.Build();
        }

        // Go encodes OPA's untagged Comment struct by field name, its []byte text in base64 (null when empty).
        private Value Comment(Lexer.Comment c) => Obj(
            ("Location", Obj(("file", new StringValue(fileName)), ("row", NumberValue.Of(c.Line)), ("col", NumberValue.Of(c.Column)))),
            ("Text", c.Text.Length == 0 ? NullValue.Instance : new StringValue(Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Text)))));

        private Value Import(ImportDecl import)
        {
            var path = import.Path is VarTerm v ? Ref([Var(v.Name)]) : Term(import.Path);
            return import.Alias is null ? Obj(("path", path.Json)) : Obj(("path", path.Json), ("alias", new StringValue(import.Alias)));
        }

        /// <summary>The head as OPA's parser leaves it: name, ref, args, key, value, assign.</summary>
        private sealed record Head(string? Name, List<T> Ref, List<T>? Args, IReadOnlyList<Syntax.Term>? ArgSource, T? Key, T? Value, bool Assign);

        private Value Rule(Syntax.Rule rule)
        {
            var h = rule.Head;
            string? name = null;
            List<T> reference;
            string headVar;
            if (h.Name is VarTerm v)
            {
                headVar = v.Name;
                name = v.Name;
                reference = [Var(v.Name)];
            }
            else
            {
                var r = (RefTerm)h.Name;
                headVar = ((VarTerm)r.Head).Name;
                reference = [Var(headVar), .. r.Path.Select(Term)];
            }

            var args = h.Arguments?.Select(Term).ToList();
            var noArgs = args is null || args.Count == 0;
            var contains = h.Contains is not null;
            T? key = contains ? Term(h.Contains!) : null;
            T? value = h.Value is null ? null : Term(h.Value);
            if (rule.IsDefault)
            {
                var defaultHead = new Head(name, reference, args, h.Arguments, null, value, h.Assign);
                return Obj(("head", HeadJson(defaultHead)), ("body", TrueBody()), ("default", BooleanValue.True));
            }

            // parseHead: a value of true when none is written, except for `p[x]`-like heads (handled below).
            if (!contains && value is null && (reference.Count != 2 || !noArgs))
            {
                value = True();
            }

            var hasIf = rule.Body.Count > 0;
            if (hasIf && !contains && reference.Count == 2)
            {
                // `p[x] if` is a single-value rule keyed by x; `p.q := v if` keeps the name p.
                var element = ((RefTerm)h.Name).Path[0];
                if ((!IsGround(element) || reference[1].Order == 5) && noArgs)
                {
                    key = reference[1];
                }

                if (value is null)
                {
                    value = True();
                }
                else
                {
                    name = headVar;
                }
            }

            if (!hasIf && !contains && noArgs && reference.Count == 2)
            {
                // A rule without a body (`p.q := 1`) is read as an expression: OPA names it p, keyed by q.
                name = headVar;
                key = reference[1];
                if (value is null)
                {
                    reference = reference[..1];
                }
            }

            var head = new Head(name, reference, args, h.Arguments, key, value, h.Assign);
            var body = hasIf ? Body(rule.Body) : TrueBody();
            var o = new ObjectBuilder();
            o.Set(new StringValue("head"), HeadJson(head));
            o.Set(new StringValue("body"), body);
            if (rule.Else is not null)
            {
                o.Set(new StringValue("else"), Else(rule.Else, head));
            }

            return o.Build();
        }

        /// <summary>An else branch: the first rule's head with fresh wildcards for `_` arguments, its own value (true when none) and body.</summary>
        private Value Else(Syntax.Rule rule, Head top)
        {
            List<T>? args = null;
            if (top.Args is not null)
            {
                args = [];
                for (var i = 0; i < top.Args.Count; i++)
                {
                    args.Add(top.ArgSource![i] is VarTerm { Name: "_" } ? Wildcard() : top.Args[i]);
                }
            }

            var value = rule.Head.Value is null ? True() : Term(rule.Head.Value);
            var head = top with { Args = args, Value = value, Assign = rule.Head.Assign };
            var body = rule.Body.Count > 0 ? Body(rule.Body) : TrueBody();
            var o = new ObjectBuilder();
            o.Set(new StringValue("head"), HeadJson(head));
            o.Set(new StringValue("body"), body);
            if (rule.Else is not null)
            {
                o.Set(new StringValue("else"), Else(rule.Else, top));
            }

            return o.Build();
        }

        private static Value HeadJson(Head head)
        {
            var o = new ObjectBuilder();
            if (!string.IsNullOrEmpty(head.Name))
            {
                o.Set(new StringValue("name"), new StringValue(head.Name));
            }

            o.Set(new StringValue("ref"), Terms(head.Ref));
            if (head.Args is { Count: > 0 })
            {
                o.Set(new StringValue("args"), Terms(head.Args));
            }

            if (head.Key is not null)
            {
                o.Set(new StringValue("key"), head.Key.Json);
            }

            if (head.Value is not null)
            {
                o.Set(new StringValue("value"), head.Value.Json);
            }

            if (head.Assign)
            {
                o.Set(new StringValue("assign"), BooleanValue.True);
            }

            return o.Build();
        }

        private ArrayValue TrueBody() => new([Expr(0, True().Json, false, null)]);

        private ArrayValue Body(IReadOnlyList<Literal> literals)
        {
            var exprs = new Value[literals.Count];
            for (var i = 0; i < literals.Count; i++)
            {
                exprs[i] = Literal(literals[i], i);
            }

            return new ArrayValue(exprs);
        }

        private Value Literal(Literal literal, int index)
        {
            Value terms = literal.Expression switch
            {
                TermExpr { Term: var t } => IsCall(t) ? CallTerms(t) : Term(t).Json,
                AssignExpr a => Terms([Op("assign"), Term(a.Left), Term(a.Right)]),
                UnifyExpr u => Terms([Op("eq"), Term(u.Left), Term(u.Right)]),
                SomeDeclExpr s => Obj(("symbols", Terms([.. s.Variables.Select(x => x.Name == "_" ? Wildcard() : Var(x.Name))]))),
                SomeInExpr s => Obj(("symbols", Terms([Call(Member(s.Key, s.Value, s.Collection))]))),
                EveryExpr e => Every(e),
                _ => throw new InvalidOperationException("unknown expression"),
            };
            var with = literal.With.Count == 0 ? null : new ArrayValue([.. literal.With.Select(w => Obj(("target", Term(w.Target).Json), ("value", Term(w.Value).Json)))]);
            return Expr(index, terms, literal.Negated, with);
        }

        private Value Every(EveryExpr e)
        {
            Value key = e.Key is null ? NullValue.Instance : Term(e.Key).Json;
            var value = Term(e.Value).Json;
            var domain = Term(e.Domain).Json;
            return Obj(("key", key), ("value", value), ("domain", domain), ("body", Body(e.Body)));
        }

        private static ObjectValue Expr(int index, Value terms, bool negated, ArrayValue? with)
        {
            var o = new ObjectBuilder();
            o.Set(new StringValue("index"), NumberValue.Of(index));
            o.Set(new StringValue("terms"), terms);
            if (negated)
            {
                o.Set(new StringValue("negated"), BooleanValue.True);
            }

            if (with is not null)
            {
                o.Set(new StringValue("with"), with);
            }

            return o.Build();
        }

        /// <summary>Whether OPA holds the term as a call (a top-level call becomes the expression's term list).</summary>
        private bool IsCall(Syntax.Term t) => t is BinaryTerm or MembershipTerm || (t is CallTerm c && !templates.ContainsKey(c.Location));

        private ArrayValue CallTerms(Syntax.Term t) => Terms((List<T>)Term(t).Key!);

        private T Term(Syntax.Term term)
        {
            switch (term)
            {
                case NullTerm:
                    return new T(Typed("null", ObjectValue.Empty), 0, NullValue.Instance);
                case BooleanTerm b:
                    return new T(Typed("boolean", BooleanValue.Of(b.Value)), 1, BooleanValue.Of(b.Value));
                case NumberTerm n:
                    return Number(n.Text);
                case StringTerm s when templates.TryGetValue(s.Location, out var raw):
                    return Template(s.Value.Length == 0 ? null : [Str(s.Value).Json], raw);
                case StringTerm s:
                    return Str(s.Value);
                case VarTerm { Name: "_" }:
                    return Wildcard();
                case VarTerm { Name: "input" or "data" } v:
                    return Ref([Var(v.Name)]);
                case VarTerm v:
                    return Var(v.Name);
                case RefTerm r:
                {
                    var head = r.Head is VarTerm hv ? (hv.Name == "_" ? Wildcard() : Var(hv.Name)) : Term(r.Head);
                    return Ref([head, .. r.Path.Select(Term)]);
                }

                case CallTerm c when templates.TryGetValue(c.Location, out var raw):
                    return TemplateCall(c, raw);
                case CallTerm c:
                {
                    var op = c.Function is VarTerm f ? Ref([Var(f.Name)]) : Term(c.Function);
                    return Call([op, .. c.Arguments.Select(Term)]);
                }

                case BinaryTerm b:
                {
                    var op = Op(OperatorName(b.Operator));
                    var left = Term(b.Left);
                    return Call([op, left, Term(b.Right)]);
                }

                case MembershipTerm m:
                    return Call(Member(m.Key, m.Value, m.Collection));
                case UnaryMinusTerm { Operand: NumberTerm n } when !n.Text.StartsWith('-'):
                    return Number("-" + n.Text);
                case UnaryMinusTerm u:
                    // OPA reads `-` only as the sign of a number literal.
                    throw new RegoParseException(fileName, u.Operand.Location.Line, u.Operand.Location.Column, "unexpected term: expected number");
                case ArrayTerm a:
                {
                    var items = a.Items.Select(Term).ToList();
                    return new T(Typed("array", Terms(items)), 6, items);
                }

                case SetTerm s:
                {
                    var items = Sorted(s.Items.Select(Term));
                    return new T(Typed("set", Terms(items)), 8, items);
                }

                case ObjectTerm o:
                    return Object(o);
                case ArrayComprehension a:
                {
                    var head = Term(a.Head);
                    return Opaque("arraycomprehension", 9, Obj(("term", head.Json), ("body", Body(a.Body))));
                }

                case SetComprehension s:
                {
                    var head = Term(s.Head);
                    return Opaque("setcomprehension", 11, Obj(("term", head.Json), ("body", Body(s.Body))));
                }

                case ObjectComprehension oc:
                {
                    var key = Term(oc.Key);
                    var value = Term(oc.Value);
                    return Opaque("objectcomprehension", 10, Obj(("key", key.Json), ("value", value.Json), ("body", Body(oc.Body))));
                }

                default:
                    throw new InvalidOperationException("unknown term " + term.GetType().Name);
            }
        }

        /// <summary>A template string, from Steward's lowering (a call of internal.template_string on its parts) back to OPA's parts.</summary>
        private T TemplateCall(CallTerm call, bool raw)
        {
            var parts = new List<Value>();
            foreach (var part in ((ArrayTerm)call.Arguments[0]).Items)
            {
                if (part is SetComprehension { Body: [{ Expression: UnifyExpr { Right: var expr } } binding] })
                {
                    // The part was `{expr}`: OPA keeps the expression (a scalar as its term, as OPA does).
                    if (expr is StringTerm or NumberTerm or BooleanTerm or NullTerm && !templates.ContainsKey(expr.Location))
                    {
                        parts.Add(Term(expr).Json);
                    }
                    else
                    {
                        parts.Add(Literal(binding with { Expression = new TermExpr(expr.Location, expr) }, 0));
                    }
                }
                else
                {
                    // Text parts share the template's location: they are plain strings, never templates themselves.
                    parts.Add(part is StringTerm text ? Str(text.Value).Json : Term(part).Json);
                }
            }

            return Template(parts.Count == 0 ? null : parts, raw);
        }

        private static T Template(List<Value>? parts, bool raw) =>
            Opaque("templatestring", 13, Obj(("parts", parts is null ? NullValue.Instance : new ArrayValue([.. parts])), ("multi_line", BooleanValue.Of(raw))));

        private List<T> Member(Syntax.Term? key, Syntax.Term value, Syntax.Term collection)
        {
            var op = Ref([Var("internal"), Str(key is null ? "member_2" : "member_3")]);
            var terms = new List<T> { op };
            if (key is not null)
            {
                terms.Add(Term(key));
            }

            terms.Add(Term(value));
            terms.Add(Term(collection));
            return terms;
        }

        private T Object(ObjectTerm o)
        {
            var pairs = new List<(T Key, T Value)>();
            foreach (var entry in o.Entries)
            {
                var key = Term(entry.Key);
                var value = Term(entry.Value);
                var at = pairs.FindIndex(p => Compare(p.Key, key) == 0);
                if (at >= 0)
                {
                    // OPA's object keeps the first key and takes the later value.
                    pairs[at] = (pairs[at].Key, value);
                }
                else
                {
                    pairs.Add((key, value));
                }
            }

            pairs.Sort((a, b) => Compare(a.Key, b.Key));
            var json = new ArrayValue([.. pairs.Select(p => (Value)new ArrayValue([p.Key.Json, p.Value.Json]))]);
            return new T(Typed("object", json), 7, pairs);
        }

        private static List<T> Sorted(IEnumerable<T> terms)
        {
            var items = new List<T>();
            foreach (var t in terms)
            {
                if (!items.Any(x => Compare(x, t) == 0))
                {
                    items.Add(t);
                }
            }

            items.Sort(Compare);
            return items;
        }

        private T Wildcard() => Var("$" + _wildcards++.ToString(System.Globalization.CultureInfo.InvariantCulture));

        private static T True() => new(Typed("boolean", BooleanValue.True), 1, BooleanValue.True);

        private static T Number(string text)
        {
            if (!NumberValue.TryParseLiteral(text, out var n))
            {
                throw new BuiltinException("invalid number " + text);
            }

            return new T(Typed("number", n), 2, n);
        }

        private static T Str(string s)
        {
            var v = new StringValue(s);
            return new T(Typed("string", v), 3, v);
        }

        private static T Var(string name) => new(Typed("var", new StringValue(name)), 4, name);

        private static T Ref(List<T> terms) => new(Typed("ref", Terms(terms)), 5, terms);

        private static T Call(List<T> terms) => new(Typed("call", Terms(terms)), 12, terms);

        private static T Op(string name) => Ref([Var(name)]);

        private static T Opaque(string type, int order, ObjectValue value) => new(Typed(type, value), order, null);

        private static ObjectValue Typed(string type, Value value)
        {
            var o = new ObjectBuilder();
            o.Set(TypeKey, new StringValue(type));
            o.Set(ValueKey, value);
            return o.Build();
        }

        private static ArrayValue Terms(List<T> terms) => new([.. terms.Select(t => (Value)t.Json)]);

        private static ObjectValue Obj(params (string Key, Value Value)[] fields)
        {
            var o = new ObjectBuilder();
            foreach (var (key, value) in fields)
            {
                o.Set(new StringValue(key), value);
            }

            return o.Build();
        }

        private static string OperatorName(BinaryOperator op) => op switch
        {
            BinaryOperator.Equal => "equal",
            BinaryOperator.NotEqual => "neq",
            BinaryOperator.LessThan => "lt",
            BinaryOperator.LessThanOrEqual => "lte",
            BinaryOperator.GreaterThan => "gt",
            BinaryOperator.GreaterThanOrEqual => "gte",
            BinaryOperator.Or => "or",
            BinaryOperator.And => "and",
            BinaryOperator.Plus => "plus",
            BinaryOperator.Minus => "minus",
            BinaryOperator.Multiply => "mul",
            BinaryOperator.Divide => "div",
            _ => "rem",
        };

        /// <summary>Whether OPA's <c>IsGround</c> holds for the term: no variables (a ref's head and a call's operator do not count).</summary>
        private static bool IsGround(Syntax.Term term) => term switch
        {
            NullTerm or BooleanTerm or NumberTerm or StringTerm => true,
            VarTerm { Name: "input" or "data" } => true,
            VarTerm => false,
            RefTerm r => r.Path.All(IsGround),
            CallTerm c => c.Arguments.All(IsGround),
            BinaryTerm b => IsGround(b.Left) && IsGround(b.Right),
            MembershipTerm m => (m.Key is null || IsGround(m.Key)) && IsGround(m.Value) && IsGround(m.Collection),
            UnaryMinusTerm u => IsGround(u.Operand),
            ArrayTerm a => a.Items.All(IsGround),
            SetTerm s => s.Items.All(IsGround),
            ObjectTerm o => o.Entries.All(e => IsGround(e.Key) && IsGround(e.Value)),
            _ => false,
        };

        /// <summary>OPA's ordering of AST values: by type, then scalars by value, vars by name, refs/arrays/calls/sets element-wise, objects by sorted pairs.</summary>
        private static int Compare(T a, T b)
        {
            if (a.Order != b.Order)
            {
                return a.Order.CompareTo(b.Order);
            }

            switch (a.Key)
            {
                case Value x when b.Key is Value y:
                    return Value.Compare(x, y);
                case string x when b.Key is string y:
                    return string.CompareOrdinal(x, y);
                case List<T> x when b.Key is List<T> y:
                {
                    for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                    {
                        var c = Compare(x[i], y[i]);
                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return x.Count.CompareTo(y.Count);
                }

                case List<(T Key, T Value)> x when b.Key is List<(T Key, T Value)> y:
                {
                    for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                    {
                        var c = Compare(x[i].Key, y[i].Key);
                        if (c == 0)
                        {
                            c = Compare(x[i].Value, y[i].Value);
                        }

                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return x.Count.CompareTo(y.Count);
                }

                default:
                    // Comprehensions and template strings: not ordered by OPA's rules here; their JSON decides.
                    return Value.Compare(a.Json, b.Json);
            }
        }
    }
}
