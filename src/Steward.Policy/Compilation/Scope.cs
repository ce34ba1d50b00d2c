namespace Steward.Policy.Compilation;

/// <summary>Variable names visible in a body, chained to the enclosing body's scope.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    /// <summary>Names declared with <c>:=</c> at this level, to report a second declaration.</summary>
    public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);

    /// <summary>For names declared with <c>:=</c>: the index of the declaring literal.</summary>
    public Dictionary<string, int> AssignedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>The index of the literal being lowered.</summary>
    public int CurrentLiteral { get; set; }

    public bool TryFind(string name, out int slot)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            // A closure before the := that declares a name does not see it (OPA scopes := from its literal on).
            if (s._names.TryGetValue(name, out slot)
                && (ReferenceEquals(s, this) || !s.AssignedAt.TryGetValue(name, out var at) || at <= s.CurrentLiteral))
            {
                return true;
            }
        }

        slot = -1;
        return false;
    }

    public bool DeclaredHere(string name) => _names.ContainsKey(name);

    public void Declare(string name, int slot) => _names[name] = slot;
}
