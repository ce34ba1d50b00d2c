using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The table of entries: one row per entry and an expandable row with its canonical JSON and proof.</summary>
internal static class AuditEntries
{
    private const int Columns = 5;

    public static Html Table(IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<(string Kind, string Id), string> names, string caption, Html pager) => Html.Of($"""
        <div class="table-wrap">
          <table class="responsive audit">
            <caption>{caption}</caption>
            <thead><tr>
              <th scope="col">Entry and event</th><th scope="col">Actor</th><th scope="col">Subject</th>
              <th scope="col">Summary</th><th scope="col">Inclusion proof</th>
            </tr></thead>
            <tbody>{rows.Select(r => Row(r, names))}</tbody>
          </table>
          {pager}
        </div>
        """);

    private static Html Row(AuditRow row, IReadOnlyDictionary<(string Kind, string Id), string> names)
    {
        var index = row.Entry.Index;
        var (actorId, actorKind) = row.Actor;
        var (kind, id) = row.Subject;
        var subjectLabel = names.TryGetValue((kind, id), out var name) ? Html.Of($"<strong>{name}</strong>") : Format.Short(id);
        var time = row.Time is { } t ? Format.Time(t) : Html.Of($"<span class=\"muted\">no time</span>");
        var failed = row.Proof.State == ProofState.Failed;
        return Html.Of($"""
            <tr id="entry-{index}" class="entry{(failed ? Html.Of($" entry-failed") : Html.Empty)}" data-type="{row.Type}">
              <td data-label="Entry" class="entry-cell"><strong class="index">#{index}</strong><a class="type" href="{UiUrl.With(AuditQuery.Path, ("type", row.Type))}" title="Show only {row.Type} entries">{row.Type}</a><span class="sub">{time}</span></td>
              <td data-label="Actor"><a href="{UiUrl.With(AuditQuery.Path, ("actor", actorId))}" title="Show only entries by this actor">{actorId}</a><span class="sub">{actorKind}</span></td>
              <td data-label="Subject" class="subject-cell"><span class="sub">{kind}</span><a href="{UiUrl.With(AuditQuery.Path, ("subject_kind", kind), ("subject_id", id))}" title="Show the history of this {kind}">{subjectLabel}</a></td>
              <td data-label="Summary" class="summary">{EventSummary.Describe(row.Type, row.Data)}</td>
              <td data-label="Inclusion proof" class="proof-cell">{Verdict(row.Proof)}</td>
            </tr>
            <tr class="detail-row{(failed ? Html.Of($" entry-failed") : Html.Empty)}"><td colspan="{Columns}">{Details(row)}</td></tr>
            """);
    }

    private static Html Verdict(EntryProof proof)
    {
        var (css, icon) = proof.State switch
        {
            ProofState.Verified => ("proof-verified", "✓"),
            ProofState.NotCovered => ("proof-pending", "…"),
            _ => ("proof-failed", "✗"),
        };
        return Html.Of($"""<div class="proof {css}"><span class="icon" aria-hidden="true">{icon}</span><span class="proof-text">{proof.Message}</span></div>""");
    }

    private static Html Details(AuditRow row)
    {
        var proof = row.Proof;
        var hashes = proof.TreeSize is { } size
            ? Html.Of($"""
                <h3>Inclusion proof at tree size {size} ({proof.Hashes.Count} {(proof.Hashes.Count == 1 ? "hash" : "hashes")}, leaf level upwards)</h3>
                {(proof.Hashes.Count == 0
                    ? Html.Of($"<p class=\"muted\">Empty: the tree has one leaf, so the leaf hash is the root.</p>")
                    : Html.Of($"<ol class=\"hashes\" start=\"0\">{proof.Hashes.Select(h => Html.Of($"<li>{Convert.ToBase64String(h)}</li>"))}</ol>"))}
                """)
            : Html.Of($"<h3>Inclusion proof</h3><p class=\"muted\">{(proof.State == ProofState.NotCovered ? "None yet: the entry is newer than the latest signed checkpoint." : "None: see the failure above.")}</p>");
        return Html.Of($"""
            <details class="raw">
              <summary>Canonical JSON and proof of entry #{row.Entry.Index}</summary>
              <h3>Canonical JSON (the exact {row.Entry.Leaf.Length} bytes hashed into the ledger)</h3>
              <pre class="canonical">{row.Canonical}</pre>
              <h3>Leaf hash (SHA-256 of 0x00 ‖ bytes), base64</h3>
              <code>{Convert.ToBase64String(proof.LeafHash)}</code>
              {hashes}
            </details>
            """);
    }
}
