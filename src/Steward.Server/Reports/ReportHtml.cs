using System.Globalization;
using Steward.Server.Dashboard.Audit;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Reports;

/// <summary>A report as one self-contained HTML file (styles inline, no script, no outside resource), fit to print.</summary>
internal static class ReportHtml
{
    /// <summary>The Content-Security-Policy a served report carries (its only allowance: its own inline styles).</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(ReportDocument doc)
    {
        var header = doc.Header.Select(h => Html.Of($"<tr><th scope=\"row\">{h.Name}</th><td>{h.Value}</td></tr>"));
        var sections = doc.Sections.Select(Section);
        var cited = doc.Cited();
        var checkpoint = doc.Evidence.Checkpoint;
        var appendix = cited.Select(e => Html.Of($"""
            <tr id="entry-{e.Index}">
              <td>#{e.Index}</td><td>{e.Type}</td><td>{EntryText.Date(e.Time)}</td><td>{e.Actor}</td>
              <td class="{State(e.Proof.State)}">{e.Proof.Message}</td>
              <td><code>{Convert.ToHexStringLower(e.Proof.LeafHash)}</code>{Hashes(e.Proof)}<details><summary>entry bytes</summary><pre>{e.Canonical}</pre></details></td>
            </tr>
            """));
        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{doc.Title}</title>
            <style>{Html.FromTrusted(Styles)}</style>
            </head>
            <body>
            <header><h1>{doc.Title}</h1><p class="sub">{doc.Subtitle}</p><table class="meta">{header}</table></header>
            <main>
            {sections}
            <section class="appendix" id="evidence">
              <h2>Evidence: the cited ledger entries</h2>
              <p>Each entry's bytes (canonical JSON) hash to its RFC 6962 leaf hash; the inclusion proof leads from it to the root of the
              signed checkpoint below. Anyone can repeat the check offline with the log's verifier key
              <code>{checkpoint.VerifierKey}</code>.</p>
              <table class="evidence"><thead><tr><th>Entry</th><th>Type</th><th>Time</th><th>Actor</th><th>Proof</th><th>Leaf hash and proof</th></tr></thead>
              <tbody>{appendix}</tbody></table>
              <h3>Signed checkpoint</h3>
              <pre>{checkpoint.Stored.Note}</pre>
            </section>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static Html Section(ReportSection s) => Html.Of($"""
        <section>
          <h2>{s.Number}. {s.Title}</h2>
          {(s.Reference.Length == 0 ? Html.Empty : Html.Of($"<p class=\"ref\">{s.Reference}</p>"))}
          {s.Blocks.Select(Block)}
        </section>
        """);

    private static Html Block(ReportBlock block) => block switch
    {
        Subheading h => Html.Of($"<h3>{h.Text}</h3>"),
        Paragraph p => Html.Of($"<p>{Claim(p.Claim)}</p>"),
        Bullets b => Html.Of($"<ul>{b.Items.Select(i => Html.Of($"<li>{Claim(i)}</li>"))}</ul>"),
        Facts f => Html.Of($"<table class=\"facts\">{f.Rows.Select(r => Html.Of($"<tr><th scope=\"row\">{r.Name}</th><td>{Claim(r.Value)}</td></tr>"))}</table>"),
        _ => Html.Empty,
    };

    private static Html Claim(Claim c) => c.Cites.Count == 0
        ? Html.Text(c.Text)
        : Html.Of($"{c.Text} <span class=\"cites\">{c.Cites.Select(i => Html.Of($"<a href=\"#entry-{i}\">#{i}</a> "))}</span>");

    private static Html Hashes(EntryProof proof) => proof.Hashes.Count == 0
        ? Html.Empty
        : Html.Of($"<div class=\"proof\">proof in tree of size {proof.TreeSize?.ToString(CultureInfo.InvariantCulture)}: {proof.Hashes.Select(h => Html.Of($"<code>{Convert.ToHexStringLower(h)}</code> "))}</div>");

    private static string State(ProofState state) => state switch
    {
        ProofState.Verified => "ok",
        ProofState.NotCovered => "pending",
        _ => "bad",
    };

    private const string Styles = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2430; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .2rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .3rem; border-bottom: 1px solid #d5dbe3; padding-bottom: .2rem; }
        h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; } .sub, .ref { color: #5b6775; margin: 0 0 .6rem; } .ref { font-style: italic; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; } th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e4e8ee; }
        table.meta th, table.facts th { width: 14rem; color: #3a4654; font-weight: 600; } .cites a { font-size: .8rem; color: #1f5fbf; text-decoration: none; }
        code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; white-space: pre-wrap; }
        table.evidence { font-size: 13px; } .ok { color: #0b6b3a; } .pending { color: #8a5a00; } .bad { color: #a11212; font-weight: 700; } .proof { margin-top: .3rem; color: #5b6775; }
        details summary { cursor: pointer; color: #1f5fbf; font-size: 12px; }
        @media print { details { display: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;
}
