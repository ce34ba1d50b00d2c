namespace Steward.Policy.Compilation.Types;

/// <summary>The top-level kinds of OPA's type lattice.</summary>
internal enum TypeKind
{
    /// <summary>Unknown or unconstrained: compatible with everything.</summary>
    Any,

    /// <summary>A union of alternatives (<c>any&lt;a, b&gt;</c>).</summary>
    Union,

    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>number</c>.</summary>
    Number,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>array</c>, static (known elements) or dynamic (an element type).</summary>
    Array,

    /// <summary><c>set</c> with an element type.</summary>
    Set,

    /// <summary><c>object</c>, static (known entries) or dynamic (key and value types).</summary>
    Object,
}
