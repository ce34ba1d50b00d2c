namespace Steward.Policy.Compilation.Types;

/// <summary>
/// A type of OPA's lattice: <c>any</c>, the scalars, arrays, sets, objects and unions. Composite types carry either
/// their known members (static, from literals) or an element type (dynamic, from signatures); a missing element type
/// means <c>any</c>.
/// </summary>
internal sealed class RegoType
{
    private RegoType(TypeKind kind) => Kind = kind;

    public static RegoType Any { get; } = new(TypeKind.Any);

    public static RegoType Null { get; } = new(TypeKind.Null);

    public static RegoType Boolean { get; } = new(TypeKind.Boolean);

    public static RegoType Number { get; } = new(TypeKind.Number);

    public static RegoType String { get; } = new(TypeKind.String);

    public TypeKind Kind { get; }

    /// <summary>The element type of a dynamic array or set, or the value type of a dynamic object.</summary>
    public RegoType? Of { get; private init; }

    /// <summary>The key type of a dynamic object.</summary>
    public RegoType? KeyOf { get; private init; }

    /// <summary>The known elements of a static array, or the member types of a set literal.</summary>
    public IReadOnlyList<RegoType>? Items { get; private init; }

    /// <summary>The known entries of a static object.</summary>
    public IReadOnlyList<(RegoType Key, RegoType Value)>? Entries { get; private init; }

    /// <summary>The alternatives of a union.</summary>
    public IReadOnlyList<RegoType> Alternatives { get; private init; } = [];

    public bool IsAny => Kind == TypeKind.Any;

    public static RegoType ArrayOf(RegoType? element) => new(TypeKind.Array) { Of = element };

    public static RegoType StaticArray(IReadOnlyList<RegoType> items) => new(TypeKind.Array) { Items = items };

    public static RegoType SetOf(RegoType? element) => new(TypeKind.Set) { Of = element };

    public static RegoType SetOfItems(IReadOnlyList<RegoType> items) => new(TypeKind.Set) { Items = items };

    public static RegoType ObjectOf(RegoType? key, RegoType? value) => new(TypeKind.Object) { KeyOf = key, Of = value };

    public static RegoType StaticObject(IReadOnlyList<(RegoType Key, RegoType Value)> entries) => new(TypeKind.Object) { Entries = entries };

    public static RegoType Union(IReadOnlyList<RegoType> alternatives) =>
        alternatives.Count == 0 || alternatives.Any(a => a.IsAny) ? Any : new(TypeKind.Union) { Alternatives = alternatives };

    /// <summary>The type as OPA prints it in error details.</summary>
    public override string ToString() => TypeText.Format(this);
}
