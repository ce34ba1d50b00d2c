using Steward.Policy.Compilation.Types;

namespace Steward.Policy.Builtins.Signatures;

/// <summary>The declared argument and result types of a built-in, as OPA's capabilities declare them.</summary>
/// <param name="Name">The dotted name.</param>
/// <param name="Arguments">One type per argument.</param>
/// <param name="Result">The result type.</param>
internal sealed record BuiltinSignature(string Name, IReadOnlyList<RegoType> Arguments, RegoType Result);
