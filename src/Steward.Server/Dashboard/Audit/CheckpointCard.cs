using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Audit;

/// <summary>The latest signed checkpoint at the top of the audit trail, with the result of checking its signature.</summary>
internal static class CheckpointCard
{
    public static Html Render(CheckpointStatus status)
    {
        var stored = status.Stored;
        var verdict = status.Verified
            ? Html.Of($"""<span class="proof proof-verified"><span class="icon" aria-hidden="true">✓</span><span>Signature verified with the log's key</span></span>""")
            : Html.Of($"""<span class="proof proof-failed"><span class="icon" aria-hidden="true">✗</span><span>Signature or content FAILED verification</span></span>""");
        var failure = status.Failure is null ? Html.Empty : Html.Of($"""
            <div class="alert alert-error" role="alert"><strong>The latest checkpoint cannot be trusted: {status.Failure}.</strong>
            No entry below can be verified against it. Stop relying on this server's ledger and run <code>steward ledger verify</code> on its data directory.</div>
            """);
        var shown = status.Checkpoint ?? status.Claimed;
        var unverified = status.Verified ? Html.Empty : Html.Of($" <span class=\"badge claim\">unverified claim</span>");
        var origin = shown is null ? Html.Text("—") : Html.Of($"{shown.Origin}{unverified}");
        var size = shown?.Size ?? stored.Size;
        var root = shown is null ? Html.Text("—") : Html.Of($"<code>{Convert.ToBase64String(shown.RootHash)}</code>{unverified}");
        return Html.Of($"""
            <section class="card checkpoint{(status.Verified ? Html.Empty : Html.Of($" failed"))}" aria-labelledby="checkpoint-title">
              <div class="checkpoint-head">
                <h2 id="checkpoint-title">Latest signed checkpoint</h2>
                {verdict}
              </div>
              {failure}
              <dl class="facts">
                <div><dt>Origin</dt><dd id="checkpoint-origin">{origin}</dd></div>
                <div><dt>Tree size</dt><dd id="checkpoint-size">{size} {(size == 1 ? "entry" : "entries")}</dd></div>
                <div><dt>Signed at</dt><dd>{Format.Time(stored.CreatedAt)}</dd></div>
                <div class="wide"><dt>Root hash (SHA-256, base64)</dt><dd>{root}</dd></div>
                <div class="wide"><dt>Log verifier key</dt><dd><code>{status.VerifierKey}</code></dd></div>
              </dl>
              <details class="raw">
                <summary>Signed note (C2SP checkpoint) and how to check it yourself</summary>
                <pre>{stored.Note}</pre>
                <p class="muted">These checks ran on this server. To check an entry on your own machine, pin the key above and run
                <code>steward ledger proof --index N --key '{status.VerifierKey}'</code>; <code>steward ledger verify</code> recomputes the whole log offline.</p>
              </details>
            </section>
            """);
    }
}
