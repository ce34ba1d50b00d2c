using System.Data.Common;
using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Lifecycle gates: whether a system may move to a stage, decided by the Rego document
/// <c>data.steward.gates.unmet</c> over the system's governance state (the system, the requested stage, the
/// actor, the time and every <see cref="IGateFactsSource"/>'s facts), and the stage change itself.
/// A change is decided twice on consistent states: once on a read snapshot (a refusal is recorded as
/// <c>stage.change_refused</c> with every unmet requirement), and again inside the ledger writer's transaction
/// before <c>stage.changed</c> commits, so a change racing, say, an assessment's invalidation is decided on the
/// state it commits against. Anything that goes wrong with the policy (missing, not compiling, failing, a
/// malformed answer) refuses the change and says so.
/// </summary>
public sealed class GateEngine
{
    /// <summary>Facts every gate input carries, as empty lists when no source provides them.</summary>
    public static readonly string[] StandardFacts = ["assessments", "findings", "tickets", "datasets", "models"];

    private const int Attempts = 5;
    private readonly StewardDatabase _db;
    private readonly LedgerStore _ledger;
    private readonly EventFactory _events;
    private readonly GatePolicyCache _cache;
    private readonly SystemStore _systems;
    private readonly IGateFactsSource[] _sources;
    private readonly TimeSpan _timeout;
    private readonly DecisionGateFacts _decisions = new();

    /// <summary>Creates the engine over the registered facts sources.</summary>
    public GateEngine(StewardDatabase db, LedgerStore ledger, EventFactory events, GatePolicyCache cache, SystemStore systems,
        IEnumerable<IGateFactsSource> sources, LifecycleOptions? options = null)
    {
        _db = db;
        _ledger = ledger;
        _events = events;
        _cache = cache;
        _systems = systems;
        _sources = [.. sources];
        var duplicate = _sources.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two gate facts sources are named {duplicate.Key}");
        var reserved = _sources.FirstOrDefault(s => s.Name is "system" or "to" or "actor" or "now" or "decisions" or "current_decisions");
        if (reserved is not null) throw new InvalidOperationException($"gate facts cannot be named {reserved.Name}: the engine provides it");
        _timeout = TimeSpan.FromMilliseconds((options ?? new LifecycleOptions()).GateTimeoutMs);
    }

    /// <summary>Whether <paramref name="systemId"/> may move to <paramref name="to"/> now (nothing is recorded).</summary>
    public async Task<GateResult> EvaluateAsync(string systemId, string? to, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stage = CheckStage(to);
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await _db.BeginSnapshotTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        var system = await SystemStore.FindAsync(connection, tx, systemId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"system {systemId} does not exist");
        var result = await DecideAsync(connection, tx, system, stage, actor, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Moves a system to a stage when its gate allows (<c>stage.changed</c>); otherwise records
    /// <c>stage.change_refused</c> and throws <see cref="GateRefusedException"/> with every unmet requirement.
    /// </summary>
    public async Task<StageChange> ChangeStageAsync(Actor actor, string systemId, string? to, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = new Check();
        var stage = check.OneOf("to", to, Stages.All) ?? "";
        var why = check.Text("reason", reason, 4000);
        check.ThrowIfFailed();

        for (var attempt = 1; ; attempt++)
        {
            var gate = await EvaluateAsync(systemId, stage, actor, cancellationToken).ConfigureAwait(false);
            if (!gate.Allowed)
            {
                var refused = _events.Create("stage.change_refused", new Subject("system", systemId), actor, Describe(gate, why));
                await _ledger.AppendAsync(refused, null, cancellationToken).ConfigureAwait(false);
                throw new GateRefusedException(gate);
            }

            var evt = _events.Create("stage.changed", new Subject("system", systemId), actor, Describe(gate, why));
            AiSystem? after = null;
            GateResult? decided = null;
            try
            {
                var index = await _ledger.AppendAsync(evt, async (connection, tx, idx, ct) =>
                {
                    var current = await SystemStore.FindAsync(connection, tx, systemId, ct).ConfigureAwait(false)
                        ?? throw new NotFoundException($"system {systemId} does not exist");
                    if (current.Stage != gate.From) throw new GateStateMovedException();
                    var again = await DecideAsync(connection, tx, current, stage, actor, ct).ConfigureAwait(false);
                    if (!again.Allowed || again.PolicyRevision != gate.PolicyRevision) throw new GateStateMovedException();
                    await using var update = connection.Command("UPDATE systems SET stage = @stage, updated_at = @at WHERE id = @id", tx)
                        .With("@stage", stage).With("@at", Timestamps.Format(evt.Time)).With("@id", systemId);
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    after = current with { Stage = stage, UpdatedAt = evt.Time };
                    await _systems.RunChangedHooksAsync(connection, tx, current, after, idx, ct).ConfigureAwait(false);
                    decided = again;
                }, cancellationToken).ConfigureAwait(false);
                return new StageChange(after!, decided!, index);
            }
            catch (GateStateMovedException) when (attempt < Attempts)
            {
                // The state moved between the snapshot and the writer's transaction: decide again on the new state.
            }
            catch (GateStateMovedException)
            {
                throw new ConflictException($"system {systemId} kept changing while its gate was decided; try again");
            }
        }
    }

    private static string CheckStage(string? to)
    {
        var check = new Check();
        var stage = check.OneOf("stage", to, Stages.All);
        check.ThrowIfFailed();
        return stage!;
    }

    private static JsonObject Describe(GateResult gate, string? reason)
    {
        var unmet = new JsonArray();
        foreach (var u in gate.Unmet) unmet.Add(new JsonObject { ["rule"] = u.Rule, ["message"] = u.Message });
        var data = new JsonObject
        {
            ["from"] = gate.From,
            ["to"] = gate.To,
            ["allowed"] = gate.Allowed,
            ["policy_revision"] = gate.PolicyRevision,
        };
        if (!gate.Allowed) data["unmet"] = unmet;
        if (reason is not null) data["reason"] = reason;
        return data;
    }

    /// <summary>Collects the facts in the caller's transaction and evaluates the gate policy over them.</summary>
    internal async Task<GateResult> DecideAsync(DbConnection connection, DbTransaction? tx, AiSystem system, string to, Actor actor, CancellationToken cancellationToken)
    {
        var policy = await _cache.GetAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        var now = _events.Time.GetUtcNow();
        var input = new ObjectBuilder();
        input.Set(new StringValue("system"), SystemValue(system));
        input.Set(new StringValue("to"), new StringValue(to));
        input.Set(new StringValue("actor"), new StringValue(actor.Id));
        input.Set(new StringValue("now"), new StringValue(Timestamps.Format(now)));
        var (decisions, current) = await _decisions.GetAsync(connection, tx, system.Id, cancellationToken).ConfigureAwait(false);
        input.Set(new StringValue("decisions"), decisions);
        input.Set(new StringValue("current_decisions"), current);
        var provided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            input.Set(new StringValue(source.Name), await source.CollectValueAsync(connection, tx, system.Id, cancellationToken).ConfigureAwait(false));
            provided.Add(source.Name);
        }
        foreach (var name in StandardFacts)
            if (!provided.Contains(name)) input.Set(new StringValue(name), ArrayValue.Empty);

        var unmet = Evaluate(policy, input.Build());
        return new GateResult(system.Id, system.Stage, to, unmet.Count == 0, unmet, policy.Revision, now);
    }

    private List<UnmetRequirement> Evaluate(GatePolicyState state, ObjectValue input)
    {
        if (state.Policy is null)
            return [new("gate_policy_error", $"the stored policies do not compile, so no stage change is allowed: {state.Error}")];
        Value? result;
        try
        {
            result = state.Policy.EvaluateData(GatePolicy.UnmetPath, new EvalOptions
            {
                Input = input, Data = state.Data, Timeout = _timeout, Time = _events.Time, StrictBuiltinErrors = true,
            });
        }
        catch (RegoEvalException e)
        {
            return [new("gate_policy_error", $"the gate policy failed, so no stage change is allowed: {e.Error.Message}")];
        }
        if (result is null)
            return [new("gate_policy_missing", $"no policy defines data.steward.gates.unmet, so no stage change is allowed; restore the module {GatePolicy.ModuleId}")];
        Value[] items = result switch
        {
            SetValue set => set.Items.ToArray(),
            ArrayValue array => array.Items.ToArray(),
            _ => [result],
        };
        var unmet = new List<UnmetRequirement>();
        foreach (var item in items)
        {
            if (item is ObjectValue obj && obj.Get(new StringValue("rule")) is StringValue rule && obj.Get(new StringValue("message")) is StringValue message)
                unmet.Add(new UnmetRequirement(rule.Value, message.Value));
            else
                unmet.Add(new UnmetRequirement("gate_policy_invalid", $"the gate policy answered {ValueJson.Serialize(item)}, not {{\"rule\", \"message\"}}"));
        }
        unmet.Sort((a, b) => a.Rule != b.Rule ? string.CompareOrdinal(a.Rule, b.Rule) : string.CompareOrdinal(a.Message, b.Message));
        return unmet;
    }

    private static ObjectValue SystemValue(AiSystem system)
    {
        var b = new ObjectBuilder();
        b.Set(new StringValue("id"), new StringValue(system.Id));
        b.Set(new StringValue("name"), new StringValue(system.Name));
        b.Set(new StringValue("stage"), new StringValue(system.Stage));
        b.Set(new StringValue("risk_tier"), new StringValue(system.RiskTier));
        b.Set(new StringValue("status"), new StringValue(system.Status));
        b.Set(new StringValue("owner"), new StringValue(system.Owner));
        b.Set(new StringValue("business_unit"), new StringValue(system.BusinessUnit));
        b.Set(new StringValue("purpose"), new StringValue(system.Purpose));
        b.Set(new StringValue("created_by"), new StringValue(system.CreatedBy));
        b.Set(new StringValue("created_at"), new StringValue(Timestamps.Format(system.CreatedAt)));
        return b.Build();
    }

    private sealed class GateStateMovedException : Exception;
}

/// <summary>A stage change that happened: the system after it, the gate's answer and the ledger entry.</summary>
/// <param name="System">The system in its new stage.</param>
/// <param name="Gate">The gate's answer, decided inside the change's transaction.</param>
/// <param name="LedgerIndex">The <c>stage.changed</c> entry.</param>
public sealed record StageChange(AiSystem System, GateResult Gate, long LedgerIndex);

/// <summary>Settings of lifecycle gates (<c>Lifecycle:*</c>).</summary>
public sealed class LifecycleOptions
{
    /// <summary>Time limit of one gate evaluation, in milliseconds (a gate that runs out refuses).</summary>
    public int GateTimeoutMs { get; set; } = 2000;
}
