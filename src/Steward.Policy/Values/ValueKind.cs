namespace Steward.Policy.Values;

/// <summary>The kinds of Rego value, declared in OPA's sort order.</summary>
public enum ValueKind
{
    /// <summary><c>null</c></summary>
    Null,
    /// <summary><c>true</c> or <c>false</c></summary>
    Boolean,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A string.</summary>
    String,
    /// <summary>An array.</summary>
    Array,
    /// <summary>An object.</summary>
    Object,
    /// <summary>A set.</summary>
    Set,
}
