using System.Data.Common;
using Steward.Governance.Policies;
using Steward.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The compiled policy modules and data document gates evaluate, as of the policy revision read in the caller's
/// transaction. It recompiles only when the revision moved (a policy or data change), so a gate decides with the
/// policy that was current in the same consistent state as its facts.
/// </summary>
/// <param name="builtins">The built-ins policies may call (OPA's core library when null; the server adds <c>pii.*</c>).</param>
public sealed class GatePolicyCache(BuiltinRegistry? builtins = null)
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private GatePolicyState? _state;

    /// <summary>The policy state as of the revision visible to <paramref name="transaction"/>.</summary>
    public async Task<GatePolicyState> GetAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var revision = await PolicyQueries.RevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var state = Volatile.Read(ref _state);
        if (state is not null && state.Revision == revision) return state;
        await _load.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            state = _state;
            if (state is not null && state.Revision == revision) return state;
            var modules = await PolicyQueries.CurrentModulesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var data = PolicyDataMerge.Merge(await PolicyQueries.LatestDataAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
            try
            {
                var policy = PolicyCompilation.Compile(modules.Select(m => new PolicySource(m.Id, m.Raw!)), builtins);
                state = new GatePolicyState(revision, policy, data, null);
            }
            catch (PolicyCompileFailedException e)
            {
                state = new GatePolicyState(revision, null, data, e.Message);
            }
            // Only a newer revision replaces the cached one (readers of older snapshots compile for themselves).
            if (_state is null || _state.Revision < revision) Volatile.Write(ref _state, state);
            return state;
        }
        finally
        {
            _load.Release();
        }
    }
}

/// <summary>The policy of one revision: compiled modules and data, or why they do not compile.</summary>
/// <param name="Revision">The ledger index of the latest policy change (-1 when none).</param>
/// <param name="Policy">The compiled modules, or null.</param>
/// <param name="Data">The data document.</param>
/// <param name="Error">Why the modules do not compile, when <paramref name="Policy"/> is null.</param>
public sealed record GatePolicyState(long Revision, CompiledPolicy? Policy, ObjectValue Data, string? Error);
