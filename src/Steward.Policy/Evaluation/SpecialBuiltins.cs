using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>Built-ins the compiler emits itself: membership (<c>in</c>) and <c>print</c>.</summary>
internal static class SpecialBuiltins
{
    public static readonly Builtin Print = new("print", -1, (_, _) => BooleanValue.True, null, false);

    private static readonly Builtin Member2 = new("internal.member_2", 2, (_, a) => BooleanValue.Of(Member(a[0], a[1])), null, false);

    private static readonly Builtin Member3 = new("internal.member_3", 3, (_, a) => BooleanValue.Of(Member(a[0], a[1], a[2])), null, false);

    public static bool TryGet(string name, out Builtin builtin)
    {
        builtin = name switch
        {
            "internal.member_2" => Member2,
            "internal.member_3" => Member3,
            "print" => Print,
            _ => null!,
        };
        return builtin is not null;
    }

    public static int? Arity(string name) => TryGet(name, out var b) && b.Arity >= 0 ? b.Arity : null;

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
        ArrayValue a => key is NumberValue n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count && a[(int)i].Equals(value),
        ObjectValue o => o.Get(key) is { } v && v.Equals(value),
        _ => false,
    };
}
