using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The audit trail page: checkpoint, filters, verification summary and entries.</summary>
internal static class AuditPage
{
    public static Html Render(AuditQuery query, CheckpointStatus checkpoint, IReadOnlyList<AuditRow> rows, string? nextCursor,
        IReadOnlyDictionary<(string Kind, string Id), string> names, IReadOnlyList<string> errors, bool listed)
    {
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Some filters could not be used", errors);
        var results = listed ? Results(query, checkpoint, rows, nextCursor, names) : Html.Empty;
        return Html.Of($"""
            <div class="page-head">
              <div><h1>Audit trail</h1><p>Every governance action is an entry in an append-only Merkle-tree ledger, shown newest first and checked against the latest signed checkpoint.</p></div>
            </div>
            {CheckpointCard.Render(checkpoint)}
            {Filters(query)}
            {problems}
            {results}
            """);
    }

    private static Html Results(AuditQuery query, CheckpointStatus checkpoint, IReadOnlyList<AuditRow> rows, string? nextCursor,
        IReadOnlyDictionary<(string Kind, string Id), string> names)
    {
        if (rows.Count == 0)
        {
            var message = query.IsFiltered ? "No entries match these filters." : "The ledger has no entries yet.";
            return Html.Of($"""<div class="table-wrap"><p class="empty">{message}</p></div>""");
        }
        var pager = Pager.Render(rows.Count, "entry", "entries", query.Page.Cursor is null, query.Url(),
            nextCursor is null ? null : query.Url(nextCursor), "Older entries");
        var caption = $"Entries #{rows[0].Entry.Index} to #{rows[^1].Entry.Index}{(query.IsFiltered ? " matching the filters" : "")}, newest first";
        return Html.Of($"""
            {Verification(rows, checkpoint)}
            {AuditEntries.Table(rows, names, caption, pager)}
            """);
    }

    /// <summary>One sentence on the whole page: all verified, some pending, or (loudly) some failed.</summary>
    private static Html Verification(IReadOnlyList<AuditRow> rows, CheckpointStatus checkpoint)
    {
        var failed = rows.Count(r => r.Proof.State == ProofState.Failed);
        var pending = rows.Count(r => r.Proof.State == ProofState.NotCovered);
        var verified = rows.Count - failed - pending;
        if (!checkpoint.Verified)
        {
            return Html.Of($"""
                <div class="alert alert-error" role="alert" id="verification-summary"><strong>None of the {rows.Count} entries on this page could be verified.</strong>
                The latest signed checkpoint failed verification (see above), so there is no trusted root to prove them against.</div>
                """);
        }
        if (failed > 0)
        {
            return Html.Of($"""
                <div class="alert alert-error" role="alert" id="verification-summary"><strong>{failed} of {rows.Count} entries on this page FAILED verification.</strong>
                The ledger's storage does not match what was signed: it may have been altered. Do not rely on the failed entries; run <code>steward ledger verify</code> on the data directory to locate every difference.</div>
                """);
        }
        var size = checkpoint.Checkpoint?.Size ?? 0;
        var pendingNote = pending == 0 ? Html.Empty : Html.Of($" {pending} newer {(pending == 1 ? "entry is" : "entries are")} not yet covered by a signed checkpoint.");
        return Html.Of($"""
            <div class="alert alert-ok" role="status" id="verification-summary"><strong>{verified} of {rows.Count} entries on this page are proven included in the signed checkpoint of size {size}.</strong>{pendingNote}</div>
            """);
    }

    private static Html Filters(AuditQuery query)
    {
        var clear = query.IsFiltered ? Html.Of($"""<a class="btn btn-secondary" href="{AuditQuery.Path}">Clear filters</a>""") : Html.Empty;
        return Html.Of($"""
            <section class="card" aria-labelledby="filters-title">
              <h2 id="filters-title">Filter entries</h2>
              <form method="get" action="{AuditQuery.Path}" class="filters">
                <div class="field"><label for="f-type">Event type</label>
                  <select id="f-type" name="type">{Options("Any type", AuditVocabulary.EventTypes, query.Type)}</select></div>
                <div class="field"><label for="f-kind">Subject kind</label>
                  <select id="f-kind" name="subject_kind">{Options("Any kind", AuditVocabulary.SubjectKinds, query.SubjectKind)}</select></div>
                <div class="field"><label for="f-subject">Subject ID</label>
                  <input id="f-subject" name="subject_id" value="{query.SubjectId}" spellcheck="false" autocomplete="off"></div>
                <div class="field"><label for="f-actor">Actor</label>
                  <input id="f-actor" name="actor" value="{query.Actor}" spellcheck="false" autocomplete="off" placeholder="e.g. alice@example.com"></div>
                <div class="field"><label for="f-since">From <span class="hint">UTC, inclusive</span></label>
                  <input id="f-since" name="since" type="datetime-local" value="{AuditQuery.InputValue(query.Since)}"></div>
                <div class="field"><label for="f-until">Before <span class="hint">UTC, exclusive</span></label>
                  <input id="f-until" name="until" type="datetime-local" value="{AuditQuery.InputValue(query.Until)}"></div>
                <div class="field"><label for="f-limit">Per page</label>
                  <select id="f-limit" name="limit">{PageSizes(query.Page.Limit)}</select></div>
                <div class="actions"><button type="submit" class="btn">Apply filters</button>{clear}</div>
              </form>
            </section>
            """);
    }

    private static IEnumerable<Html> Options(string anyLabel, IReadOnlyList<(string Value, string Label)> known, string? selected)
    {
        yield return Html.Of($"<option value=\"\">{anyLabel}</option>");
        var all = known.ToList();
        if (selected is not null && all.All(k => k.Value != selected)) all.Add((selected, selected));
        foreach (var (value, label) in all)
            yield return Html.Of($"<option value=\"{value}\"{(value == selected ? Html.Of($" selected") : Html.Empty)}>{label}</option>");
    }

    private static IEnumerable<Html> PageSizes(int current) =>
        AuditVocabulary.PageSizes.Append(current).Distinct().Order().Select(size =>
            Html.Of($"<option value=\"{size}\"{(size == current ? Html.Of($" selected") : Html.Empty)}>{size}</option>"));
}
