namespace Steward.Policy.Compilation.Types;

/// <summary>Types of local variables assigned with <c>:=</c>, with nested scopes for closures.</summary>
internal sealed class TypeEnv(TypeEnv? parent)
{
    private readonly Dictionary<string, RegoType> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);

    public RegoType? Find(string name)
    {
        for (var env = this; env is not null; env = env.Parent)
        {
            if (env._types.TryGetValue(name, out var type))
            {
                return type;
            }

            if (env._hidden.Contains(name))
            {
                return null;
            }
        }

        return null;
    }

    public TypeEnv? Parent { get; } = parent;

    public void Set(string name, RegoType type)
    {
        if (type.IsAny)
        {
            Hide(name);
        }
        else
        {
            _types[name] = type;
        }
    }

    /// <summary>Marks a name as bound to something of unknown type in this scope.</summary>
    public void Hide(string name)
    {
        _types.Remove(name);
        _hidden.Add(name);
    }
}
