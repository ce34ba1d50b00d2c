using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;
using Steward.Policy;
using Steward.Policy.Builtins;

namespace Steward.Governance.Policies;

/// <summary>
/// Rego modules, every version kept. Each write or deletion is a ledger entry (<c>policy.module.put</c>,
/// <c>policy.module.deleted</c>: id, version, digest, package) committed with its row; a module that does not
/// compile together with the other current modules is refused and nothing is written.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="ledger">The ledger.</param>
/// <param name="events">Builds ledger events.</param>
/// <param name="builtins">The built-ins modules may call (OPA's core library when null; the server adds <c>pii.*</c>).</param>
public sealed class PolicyModuleStore(StewardDatabase db, LedgerStore ledger, EventFactory events, BuiltinRegistry? builtins = null)
{
    private const int Attempts = 5;

    /// <summary>Creates or replaces a module; returns the new version.</summary>
    /// <exception cref="PolicyCompileFailedException">The module does not parse or compile with the others.</exception>
    public async Task<PolicyModule> PutAsync(Actor actor, string id, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PolicyChecks.ModuleId(id);
        PolicyChecks.ModuleText(text);
        var package = PolicyCompilation.PackageOf(id, text);
        var sha = PolicyChecks.Sha256(text);
        return await WithRetryAsync(async () =>
        {
            var version = await NextVersionAsync(id, cancellationToken).ConfigureAwait(false);
            var data = new JsonObject { ["id"] = id, ["version"] = version, ["sha256"] = sha, ["package"] = package };
            var evt = events.Create("policy.module.put", new Subject("policy", id), actor, data);
            var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
            {
                if (await PolicyQueries.MaxVersionAsync(connection, tx, "policy_modules", "id", id, ct).ConfigureAwait(false) != version - 1)
                    throw new StaleVersionException();
                var others = await PolicyQueries.CurrentModulesAsync(connection, tx, ct).ConfigureAwait(false);
                PolicyCompilation.Compile(others.Where(m => m.Id != id).Select(m => new PolicySource(m.Id, m.Raw!)).Append(new PolicySource(id, text)), builtins);
                await InsertAsync(connection, tx, id, version, text, sha, package, false, actor, evt.Time, idx, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new PolicyModule(id, version, text, sha, package, false, actor.Id, evt.Time, index);
        }).ConfigureAwait(false);
    }

    /// <summary>Deletes a module (its history stays); refused when the remaining modules would not compile.</summary>
    public async Task<PolicyModule> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PolicyChecks.ModuleId(id);
        return await WithRetryAsync(async () =>
        {
            var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            var version = current.Version + 1;
            var data = new JsonObject { ["id"] = id, ["version"] = version, ["sha256"] = current.Sha256, ["package"] = current.Package, ["deleted"] = true };
            var evt = events.Create("policy.module.deleted", new Subject("policy", id), actor, data);
            var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
            {
                if (await PolicyQueries.MaxVersionAsync(connection, tx, "policy_modules", "id", id, ct).ConfigureAwait(false) != current.Version)
                    throw new StaleVersionException();
                var others = await PolicyQueries.CurrentModulesAsync(connection, tx, ct).ConfigureAwait(false);
                if (others.Count > 1)
                    PolicyCompilation.Compile(others.Where(m => m.Id != id).Select(m => new PolicySource(m.Id, m.Raw!)), builtins);
                await InsertAsync(connection, tx, id, version, null, current.Sha256, current.Package, true, actor, evt.Time, idx, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new PolicyModule(id, version, null, current.Sha256, current.Package, true, actor.Id, evt.Time, index);
        }).ConfigureAwait(false);
    }

    /// <summary>The current version of a module.</summary>
    /// <exception cref="NotFoundException">No such module, or it was deleted.</exception>
    public async Task<PolicyModule> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var versions = await VersionsAsync(id, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 || versions[^1].Deleted ? throw new NotFoundException($"policy {id} does not exist") : versions[^1];
    }

    /// <summary>Every version of a module, oldest first (empty when it never existed).</summary>
    public async Task<IReadOnlyList<PolicyModule>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {PolicyQueries.ModuleColumns} FROM policy_modules WHERE id = @id ORDER BY version").With("@id", id);
        return await PolicyQueries.ReadAllAsync(command, PolicyQueries.ReadModule, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current modules, by id.</summary>
    public async Task<IReadOnlyList<PolicyModule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await PolicyQueries.CurrentModulesAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> NextVersionAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await PolicyQueries.MaxVersionAsync(connection, null, "policy_modules", "id", id, ct).ConfigureAwait(false) + 1;
    }

    private static async Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string id, long version,
        string? raw, string sha, string package, bool deleted, Actor actor, DateTimeOffset at, long idx, CancellationToken ct)
    {
        await using var insert = connection.Command(
            $"INSERT INTO policy_modules ({PolicyQueries.ModuleColumns}) VALUES (@id, @v, @raw, @sha, @pkg, @del, @by, @at, @idx)", tx)
            .With("@id", id).With("@v", version).With("@raw", raw).With("@sha", sha).With("@pkg", package).With("@del", deleted ? 1 : 0)
            .With("@by", actor.Id).With("@at", Timestamps.Format(at)).With("@idx", idx);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    internal static async Task<T> WithRetryAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (StaleVersionException) when (attempt < Attempts)
            {
                // Another writer got there first: read the new version and try again.
            }
            catch (StaleVersionException)
            {
                throw new ConflictException("the policy changed concurrently too often; try again");
            }
        }
    }
}
