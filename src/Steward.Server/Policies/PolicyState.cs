using Steward.Governance.Policies;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Server.Policies;

/// <summary>The compiled policy and data document of one revision; immutable, shared by concurrent evaluations.</summary>
/// <param name="Revision">The ledger index of the latest change it includes (-1: nothing stored).</param>
/// <param name="Policy">The compiled modules, or null when they failed to compile (then <paramref name="Errors"/> says why).</param>
/// <param name="Data">The base documents under <c>data</c>.</param>
/// <param name="Modules">The modules it was compiled from.</param>
/// <param name="Errors">Compile errors, empty when <paramref name="Policy"/> is set.</param>
internal sealed record PolicyState(long Revision, CompiledPolicy? Policy, ObjectValue Data, IReadOnlyList<PolicyModule> Modules, IReadOnlyList<RegoError> Errors);
