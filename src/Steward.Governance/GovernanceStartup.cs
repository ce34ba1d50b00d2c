using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Governance;

/// <summary>First-start work: schema, ledger key, first checkpoint and the bootstrap admin key.</summary>
public sealed class GovernanceStartup(StewardDatabase db, StoreOptions store, CheckpointService checkpoints, ApiKeyStore apiKeys)
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
        await checkpoints.EnsureLatestAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }
}
