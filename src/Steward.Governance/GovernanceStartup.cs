using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Policies;
using Steward.Governance.Storage;

namespace Steward.Governance;

/// <summary>First-start work: schema, ledger key, first checkpoint, the bootstrap admin key and the shipped gate policy.</summary>
public sealed class GovernanceStartup(StewardDatabase db, StoreOptions store, CheckpointService checkpoints, ApiKeyStore apiKeys, PolicyModuleStore modules)
{
    /// <summary>File in the data directory holding a generated bootstrap admin key (mode 0600).</summary>
    public const string BootstrapKeyFile = "bootstrap-admin.key";

    /// <summary>
    /// Prepares the store. Returns the bootstrap admin key when one was generated now (to print once), else null.
    /// <paramref name="bootstrapKey"/> (from <c>STEWARD_BOOTSTRAP_KEY</c>) is used as the admin key instead of a generated one.
    /// </summary>
    public async Task<string?> InitializeAsync(string? bootstrapKey, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(store.DataDirectory);
        await db.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(bootstrapKey))
        {
            if (await apiKeys.AuthenticateAsync(bootstrapKey, cancellationToken).ConfigureAwait(false) is null)
            {
                var name = await apiKeys.AnyAsync(cancellationToken).ConfigureAwait(false) ? $"bootstrap-admin-{Guid.NewGuid():N}"[..24] : "bootstrap-admin";
                await apiKeys.CreateAsync(Actor.System, name, [Roles.Admin], null, "bootstrap-admin", bootstrapKey, cancellationToken).ConfigureAwait(false);
            }
            await SeedGatePolicyAsync(cancellationToken).ConfigureAwait(false);
            await checkpoints.EnsureLatestAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        string? created = null;
        if (!await apiKeys.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = await apiKeys.CreateAsync(Actor.System, "bootstrap-admin", [Roles.Admin], null, null, null, cancellationToken).ConfigureAwait(false);
            SecretFile.Write(Path.Combine(store.DataDirectory, BootstrapKeyFile), key.Secret + "\n");
            created = key.Secret;
        }
        await SeedGatePolicyAsync(cancellationToken).ConfigureAwait(false);
        await checkpoints.EnsureLatestAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>
    /// Stores the shipped gate policy the first time a database starts (a recorded <c>policy.module.put</c> by
    /// the platform). Once it exists, changed or deleted, it is the users' to change: it is never put back.
    /// </summary>
    private async Task SeedGatePolicyAsync(CancellationToken cancellationToken)
    {
        if ((await modules.VersionsAsync(GatePolicy.ModuleId, cancellationToken).ConfigureAwait(false)).Count > 0) return;
        await modules.PutAsync(Actor.System, GatePolicy.ModuleId, GatePolicy.DefaultText, cancellationToken).ConfigureAwait(false);
    }
}
