namespace Steward.Policy.Builtins;

/// <summary>A registered built-in.</summary>
/// <param name="Name">The dotted name, e.g. <c>strings.replace_n</c>.</param>
/// <param name="Arity">The number of arguments (not counting the output).</param>
/// <param name="Function">The implementation, for functions.</param>
/// <param name="Relation">The implementation, for relations that produce several values.</param>
/// <param name="Nondeterministic">Whether two calls with the same arguments may differ (e.g. <c>time.now_ns</c>).</param>
public sealed record Builtin(string Name, int Arity, BuiltinFunction? Function, BuiltinRelation? Relation, bool Nondeterministic);
