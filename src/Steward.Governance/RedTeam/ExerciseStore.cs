using System.Data.Common;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Paging;
using Steward.Governance.Storage;

namespace Steward.Governance.RedTeam;

/// <summary>Red-team exercises: creation (<c>redteam.exercise.created</c>) and status changes (<c>redteam.exercise.status_changed</c>).</summary>
public sealed class ExerciseStore(StewardDatabase db, LedgerStore ledger, EventFactory events)
{
    /// <summary>Creates an exercise.</summary>
    public async Task<Exercise> CreateAsync(Actor actor, ExerciseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var check = new Check();
        var systemId = check.Required("system_id", request.SystemId, 64);
        var name = check.Required("name", request.Name);
        var scope = check.Required("scope", request.Scope, 4000);
        var starts = RedTeamChecks.Date(check, "starts_on", request.StartsOn);
        var ends = RedTeamChecks.Date(check, "ends_on", request.EndsOn);
        if (starts is { } s && ends is { } e && e < s) check.Fail("ends_on", "must not be before starts_on");
        var team = Team(check, request.Team);
        var status = check.OneOf("status", request.Status ?? "planned", Exercise.Statuses) ?? "";
        check.ThrowIfFailed();

        var evt = events.Create("redteam.exercise.created", new Subject("system", systemId), actor, []);
        var exercise = new Exercise(evt.Id.ToString(), systemId, name, scope, starts!.Value, ends!.Value, team, status, actor.Id, evt.Time, evt.Time, 0);
        var data = GovernanceJson.ToObject(exercise);
        data.Remove("ledger_index");
        evt = evt with { Data = data, Refs = new Dictionary<string, string> { ["exercise_id"] = exercise.Id } };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await InventoryChecks.EnsureSystemExistsAsync(connection, tx, systemId, ct).ConfigureAwait(false);
            await using var insert = connection.Command(
                "INSERT INTO redteam_exercises (id, system_id, status, created_by, created_at, body, ledger_index) " +
                "VALUES (@id, @sid, @status, @by, @at, @body, @idx)", tx)
                .With("@id", exercise.Id).With("@sid", systemId).With("@status", status).With("@by", actor.Id)
                .With("@at", Timestamps.Format(evt.Time)).With("@body", Serialize(exercise with { LedgerIndex = idx })).With("@idx", idx);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return exercise with { LedgerIndex = index };
    }

    /// <summary>Moves an exercise to another status.</summary>
    public async Task<Exercise> ChangeStatusAsync(Actor actor, string id, ExerciseStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var check = new Check();
        var status = check.OneOf("status", change.Status, Exercise.Statuses) ?? "";
        check.ThrowIfFailed();
        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current.Status == status) throw new ConflictException($"exercise {id} is already {status}");

        var data = new JsonObject { ["exercise_id"] = id, ["from"] = current.Status, ["to"] = status };
        var evt = events.Create("redteam.exercise.status_changed", new Subject("system", current.SystemId), actor, data,
            new Dictionary<string, string> { ["exercise_id"] = id });
        var changed = current with { Status = status, UpdatedAt = evt.Time };
        var index = await ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
        {
            await using var update = connection.Command(
                "UPDATE redteam_exercises SET status = @status, body = @body, ledger_index = @idx WHERE id = @id AND status = @from", tx)
                .With("@status", status).With("@body", Serialize(changed with { LedgerIndex = idx })).With("@idx", idx)
                .With("@id", id).With("@from", current.Status);
            if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                throw new ConflictException($"exercise {id} changed status concurrently; read it again");
        }, cancellationToken).ConfigureAwait(false);
        return changed with { LedgerIndex = index };
    }

    /// <summary>One exercise.</summary>
    public async Task<Exercise> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"exercise {id} does not exist");
    }

    /// <summary>Exercises in creation order, optionally of one system.</summary>
    public async Task<Page<Exercise>> ListAsync(string? systemId, string? cursor, int? limit, CancellationToken cancellationToken = default)
    {
        var take = Cursor.Limit(limit);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        var sql = new StringBuilder("SELECT body FROM redteam_exercises WHERE id > @after");
        command.With("@after", Cursor.Decode(cursor) ?? "");
        if (systemId is not null) { sql.Append(" AND system_id = @sid"); command.With("@sid", systemId); }
        command.CommandText = sql.Append(" ORDER BY id LIMIT @limit").ToString();
        command.With("@limit", take + 1);
        var items = new List<Exercise>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Deserialize(reader.GetString(0)));
        }
        return Pages.Cut(items, take, x => x.Id);
    }

    /// <summary>One exercise read on the caller's connection (inside its transaction), or null.</summary>
    internal static async Task<Exercise?> FindAsync(DbConnection connection, DbTransaction? tx, string id, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT body FROM redteam_exercises WHERE id = @id", tx).With("@id", id);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string body ? Deserialize(body) : null;
    }

    private static List<string> Team(Check check, IReadOnlyList<string>? team)
    {
        var list = new List<string>();
        if (team is null || team.Count == 0) { check.Fail("team", "is required: the people on the team"); return list; }
        if (team.Count > 50) check.Fail("team", "must have at most 50 people");
        for (var i = 0; i < team.Count; i++)
        {
            var person = check.Required($"team[{i}]", team[i]);
            if (person.Length > 0 && !list.Contains(person)) list.Add(person);
        }
        return list;
    }

    private static string Serialize(Exercise exercise) => JsonSerializer.Serialize(exercise, GovernanceJson.Options);

    private static Exercise Deserialize(string body) =>
        JsonSerializer.Deserialize<Exercise>(Encoding.UTF8.GetBytes(body), GovernanceJson.Options) ?? throw new InvalidOperationException("empty exercise body");
}
