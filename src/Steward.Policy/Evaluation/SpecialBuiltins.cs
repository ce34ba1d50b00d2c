using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>Built-ins the compiler emits itself: membership (<c>in</c>) and <c>print</c>.</summary>
internal static class SpecialBuiltins
{
    public static readonly Builtin Print = new("print", -1, (_, _) => BooleanValue.True, null, false);

    private static readonly Builtin Member2 = new("internal.member_2", 2, (_, a) => BooleanValue.Of(Member(a[0], a[1])), null, false);

    private static readonly Builtin Member3 = new("internal.member_3", 3, (_, a) => BooleanValue.Of(Member(a[0], a[1], a[2])), null, false);

    /// <summary><c>trace(note)</c>: always true; notes are for explanations, which this engine does not record.</summary>
    private static readonly Builtin Trace = new("trace", 1, (_, a) => a[0] is StringValue ? BooleanValue.True : throw new OperandTypeException(1, "string", a[0]), null, false);

    /// <summary>
    /// <c>opa.runtime()</c>: what OPA reports about its process; an embedded engine has no runtime
    /// configuration, so (as OPA's own library) it answers an empty object. Policies never see the server's environment.
    /// </summary>
    private static readonly Builtin Runtime = new("opa.runtime", 0, (_, _) => ObjectValue.Empty, null, false);

    /// <summary>
    /// <c>http.send(request)</c>: policies in Steward do not make network calls (a decision must not depend on a
    /// third service's availability or leak input to it), so the call is a built-in error. It exists so that
    /// policies written for OPA compile, and tests can replace it with <c>with http.send as ...</c>.
    /// </summary>
    private static readonly Builtin HttpSend = new("http.send", 1, (_, _) => throw new BuiltinException("network access is disabled in Steward policies (http.send)"), null, true);

    /// <summary>
    /// <c>internal.template_string(parts)</c>, what a template string (<c>$"..."</c>) compiles to: text and constant
    /// parts as they are, each expression's set of values rendered as <c>print</c> renders an operand (a string as
    /// its text, any other value as Rego writes it, an empty set as <c>&lt;undefined&gt;</c>). An expression with
    /// several values is a conflict, as in OPA.
    /// </summary>
    private static readonly Builtin TemplateString = new("internal.template_string", 1, (_, a) => RenderTemplate(a[0]), null, false);

    /// <summary>
    /// <c>and</c>, <c>or</c> and <c>not (...)</c> (see the parser's logical expressions): each operand is the set of an
    /// operand body's solutions or the boolean of a nested operator. This eager form is the interpreter's fallback;
    /// <see cref="Evaluator"/> evaluates the operands lazily, so the second is skipped when the first decides.
    /// </summary>
    public static readonly Builtin LogicAnd = new("internal.logic_and", 2, (_, a) => BooleanValue.Of(Holds(a[0]) && Holds(a[1])), null, false);

    /// <summary>See <see cref="LogicAnd"/>.</summary>
    public static readonly Builtin LogicOr = new("internal.logic_or", 2, (_, a) => BooleanValue.Of(Holds(a[0]) || Holds(a[1])), null, false);

    /// <summary>See <see cref="LogicAnd"/>.</summary>
    public static readonly Builtin LogicNot = new("internal.logic_not", 1, (_, a) => BooleanValue.Of(!Holds(a[0])), null, false);

    /// <summary>Whether a logical operand held: a non-empty solution set, or true.</summary>
    public static bool Holds(Value operand) => operand is SetValue { Count: > 0 } || operand is BooleanValue { Value: true };

    public static bool IsLogic(Builtin? builtin) => ReferenceEquals(builtin, LogicAnd) || ReferenceEquals(builtin, LogicOr) || ReferenceEquals(builtin, LogicNot);

    public static bool TryGet(string name, out Builtin builtin)
    {
        builtin = name switch
        {
            "internal.member_2" => Member2,
            "internal.member_3" => Member3,
            "print" => Print,
            "internal.template_string" => TemplateString,
            "internal.logic_and" => LogicAnd,
            "internal.logic_or" => LogicOr,
            "internal.logic_not" => LogicNot,
            "trace" => Trace,
            "opa.runtime" => Runtime,
            "http.send" => HttpSend,
            _ => null!,
        };
        return builtin is not null;
    }

    public static int? Arity(string name) => TryGet(name, out var b) && b.Arity >= 0 ? b.Arity : null;

    private static StringValue RenderTemplate(Value parts)
    {
        if (parts is not ArrayValue array)
        {
            throw new OperandTypeException(1, "array", parts);
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in array.Items)
        {
            var value = part;
            if (part is SetValue values)
            {
                if (values.Count == 0)
                {
                    text.Append("<undefined>");
                    continue;
                }

                if (values.Count > 1)
                {
                    throw new RegoEvalException(ErrorCodes.EvalConflict, "template-strings must not produce multiple outputs");
                }

                value = values.Items[0];
            }

            text.Append(value is StringValue s ? s.Value : value.ToString());
        }

        return new StringValue(text.ToString());
    }

    private static bool Member(Value value, Value collection)
    {
        switch (collection)
        {
            case ArrayValue a:
                foreach (var item in a.Items)
                {
                    if (item.Equals(value))
                    {
                        return true;
                    }
                }

                return false;
            case SetValue s:
                return s.Contains(value);
            case ObjectValue o:
                foreach (var item in o.Values)
                {
                    if (item.Equals(value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool Member(Value key, Value value, Value collection) => collection switch
    {
        ArrayValue a => key is NumberValue { IsFloatLiteral: false } n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count && a[(int)i].Equals(value),
        ObjectValue o => o.Get(key) is { } v && v.Equals(value),
        _ => false,
    };
}
