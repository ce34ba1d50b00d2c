using Steward.Governance.Storage;

namespace Steward.Governance.Policies;

/// <summary>Reads the current policy state and its revision, so every server process over one database can tell when to reload.</summary>
public sealed class PolicySnapshotReader(StewardDatabase db)
{
    /// <summary>The ledger index of the latest policy change, or -1 (two indexed lookups: cheap enough to ask often).</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await PolicyQueries.RevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Modules and data as of one revision (read again if a change landed while reading).</summary>
    public async Task<PolicySnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var before = await PolicyQueries.RevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var modules = await PolicyQueries.CurrentModulesAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var data = await PolicyQueries.LatestDataAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (await PolicyQueries.RevisionAsync(connection, null, cancellationToken).ConfigureAwait(false) == before)
                return new PolicySnapshot(before, modules, data);
        }
    }
}
