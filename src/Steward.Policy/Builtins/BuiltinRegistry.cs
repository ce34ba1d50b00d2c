using System.Collections.Concurrent;

namespace Steward.Policy.Builtins;

/// <summary>
/// The built-ins a policy may call. <see cref="CreateDefault"/> holds OPA's core library; applications add
/// their own with <see cref="Register(string, int, BuiltinFunction, bool)"/> before compiling.
/// </summary>
public sealed class BuiltinRegistry
{
    private readonly ConcurrentDictionary<string, Builtin> _builtins = new(StringComparer.Ordinal);

    /// <summary>A registry holding OPA's core built-ins.</summary>
    /// <returns>A new registry the caller may extend.</returns>
    public static BuiltinRegistry CreateDefault()
    {
        var registry = new BuiltinRegistry();
        CoreLibrary.RegisterAll(registry);
        return registry;
    }

    /// <summary>The shared default registry (do not register into it; create your own).</summary>
    public static BuiltinRegistry Default { get; } = CreateDefault();

    /// <summary>The registered built-ins.</summary>
    public IEnumerable<Builtin> All => _builtins.Values;

    /// <summary>Registers a function, replacing any with the same name.</summary>
    /// <param name="name">The dotted name.</param>
    /// <param name="arity">The number of arguments.</param>
    /// <param name="function">The implementation.</param>
    /// <param name="nondeterministic">Whether results may differ between calls with equal arguments.</param>
    public void Register(string name, int arity, BuiltinFunction function, bool nondeterministic = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(arity);
        _builtins[name] = new Builtin(name, arity, function, null, nondeterministic);
    }

    /// <summary>Registers a relation that produces several values, replacing any with the same name.</summary>
    /// <param name="name">The dotted name.</param>
    /// <param name="arity">The number of arguments.</param>
    /// <param name="relation">The implementation.</param>
    public void RegisterRelation(string name, int arity, BuiltinRelation relation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(relation);
        _builtins[name] = new Builtin(name, arity, null, relation, false);
    }

    /// <summary>Finds a built-in by name.</summary>
    /// <param name="name">The dotted name.</param>
    /// <param name="builtin">The built-in.</param>
    /// <returns>Whether it is registered.</returns>
    public bool TryGet(string name, out Builtin builtin) => _builtins.TryGetValue(name, out builtin!);
}
