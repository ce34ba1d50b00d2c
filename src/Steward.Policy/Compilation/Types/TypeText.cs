using System.Text;

namespace Steward.Policy.Compilation.Types;

/// <summary>Prints types as OPA does in its type errors (<c>array[string]</c>, <c>any&lt;number, set[any]&gt;</c>).</summary>
internal static class TypeText
{
    public static string Format(RegoType type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    public static string Tuple(IEnumerable<RegoType> types) => "(" + string.Join(", ", types.Select(Format)) + ")";

    private static void Append(StringBuilder text, RegoType? type)
    {
        type ??= RegoType.Any;
        switch (type.Kind)
        {
            case TypeKind.Any:
                text.Append("any");
                break;
            case TypeKind.Union:
                text.Append("any<");
                AppendList(text, type.Alternatives);
                text.Append('>');
                break;
            case TypeKind.Null:
                text.Append("null");
                break;
            case TypeKind.Boolean:
                text.Append("boolean");
                break;
            case TypeKind.Number:
                text.Append("number");
                break;
            case TypeKind.String:
                text.Append("string");
                break;
            case TypeKind.Array when type.Items is not null:
                text.Append("array<");
                AppendList(text, type.Items);
                text.Append('>');
                break;
            case TypeKind.Array:
                text.Append("array[");
                Append(text, type.Of);
                text.Append(']');
                break;
            case TypeKind.Set when type.Items is not null:
                text.Append("set[");
                var distinct = type.Items.GroupBy(Format).Select(g => g.First()).ToList();
                Append(text, distinct.Count == 1 ? distinct[0] : RegoType.Union(distinct));
                text.Append(']');
                break;
            case TypeKind.Set:
                text.Append("set[");
                Append(text, type.Of);
                text.Append(']');
                break;
            case TypeKind.Object when type.Entries is not null:
                text.Append("object<");
                for (var i = 0; i < type.Entries.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, type.Entries[i].Key);
                    text.Append(": ");
                    Append(text, type.Entries[i].Value);
                }

                text.Append('>');
                break;
            case TypeKind.Object:
                text.Append("object[");
                Append(text, type.KeyOf);
                text.Append(": ");
                Append(text, type.Of);
                text.Append(']');
                break;
        }
    }

    private static void AppendList(StringBuilder text, IReadOnlyList<RegoType> types)
    {
        for (var i = 0; i < types.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ");
            Append(text, types[i]);
        }
    }
}
