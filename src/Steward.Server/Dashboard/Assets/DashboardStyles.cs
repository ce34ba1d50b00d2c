using System.Security.Cryptography;
using System.Text;

namespace Steward.Server.Dashboard.Assets;

/// <summary>
/// The dashboard's one stylesheet. It lives in code rather than in wwwroot because the server is a library:
/// static web assets of referenced projects do not travel reliably with the <c>steward</c> executable.
/// </summary>
internal static class DashboardStyles
{
    public static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Css + LifecycleCss);

    /// <summary>Content hash, used as a cache-busting version in the stylesheet URL and as its ETag.</summary>
    public static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..12];

    public static string Url => $"/ui/assets/steward.css?v={Version}";

    private const string Css = """
        :root {
          --bg: #f4f6f9; --surface: #ffffff; --surface-2: #f8fafc; --border: #dfe3ea; --border-strong: #c5ccd6;
          --text: #1b2430; --muted: #5b6675; --accent: #1f5fbf; --accent-dark: #174a96; --accent-soft: #e8f0fc;
          --top: #0f1b2d; --top-text: #dbe4f0;
          --ok: #116a3a; --ok-soft: #e3f4ea; --warn: #8a5300; --warn-soft: #fdf1dc; --bad: #a61b1b; --bad-soft: #fde8e8;
          --radius: 8px; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
          --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        a { color: var(--accent); text-underline-offset: 2px; }
        a:hover { color: var(--accent-dark); }
        :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        code, pre, .mono { font-family: var(--mono); font-size: .86em; }
        code { overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
        p { margin: 0 0 .75rem; }
        .muted { color: var(--muted); }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

        .skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 1rem; top: .5rem; }

        .topbar { background: var(--top); color: var(--top-text); }
        .topbar-inner { max-width: 1400px; margin: 0 auto; padding: 0 1.5rem; display: flex; align-items: center; gap: 1.25rem; min-height: 56px; flex-wrap: wrap; }
        .brand { display: inline-flex; align-items: center; gap: .55rem; color: #fff; text-decoration: none; font-weight: 700; font-size: 1.1rem; letter-spacing: .01em; }
        .brand:hover { color: #fff; }
        .brand svg { width: 26px; height: 26px; }
        .mainnav ul { list-style: none; display: flex; gap: .25rem; margin: 0; padding: 0; }
        .mainnav a { display: block; color: var(--top-text); text-decoration: none; padding: 1rem .6rem; border-bottom: 3px solid transparent; font-weight: 500; }
        .mainnav a:hover { color: #fff; background: rgba(255, 255, 255, .06); }
        .mainnav a[aria-current="page"] { color: #fff; border-bottom-color: #5b9cff; }
        .session { margin-left: auto; display: flex; align-items: center; gap: .9rem; font-size: .9rem; }
        .session .who strong { color: #fff; font-weight: 600; }
        .session .roles { display: inline-block; margin-left: .35rem; padding: 0 .45rem; border: 1px solid rgba(255, 255, 255, .3); border-radius: 999px; font-size: .75rem; }
        .session form { margin: 0; }

        .page { max-width: 1280px; margin: 0 auto; padding: 1.75rem 1.5rem 3rem; }
        .page-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-bottom: 1.25rem; }
        .page-head p { margin: 0; color: var(--muted); }
        .footer { max-width: 1280px; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: .85rem; }
        .footer p { margin: 0; padding-top: 1rem; border-top: 1px solid var(--border); }

        .card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); padding: 1.25rem 1.5rem; margin-bottom: 1.25rem; }
        .card > h2:first-child { margin-top: 0; }

        .btn { white-space: nowrap; display: inline-flex; align-items: center; justify-content: center; gap: .4rem; font: inherit; font-weight: 600; border-radius: 6px; padding: .5rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; line-height: 1.3; }
        .btn:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
        .btn-secondary { background: var(--surface); color: var(--accent); border-color: var(--border-strong); }
        .btn-secondary:hover { background: var(--accent-soft); color: var(--accent-dark); border-color: var(--accent); }
        .btn-quiet { background: transparent; color: var(--top-text); border-color: rgba(255, 255, 255, .35); padding: .3rem .8rem; font-weight: 500; }
        .btn-quiet:hover { background: rgba(255, 255, 255, .1); border-color: #fff; }
        .btn-block { width: 100%; padding: .65rem 1rem; }

        label { display: block; font-weight: 600; font-size: .88rem; margin-bottom: .3rem; }
        .hint { display: block; font-weight: 400; color: var(--muted); font-size: .8rem; }
        input, select { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid var(--border-strong); border-radius: 6px; background: #fff; color: var(--text); min-height: 2.3rem; }
        input:focus, select:focus { border-color: var(--accent); }
        .field { margin-bottom: 1rem; }

        .alert { border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1rem; border: 1px solid; border-left-width: 5px; }
        .alert strong { display: block; }
        .alert-error { background: var(--bad-soft); border-color: var(--bad); color: #6e1010; }
        .alert-ok { background: var(--ok-soft); border-color: var(--ok); color: #0b4a28; }
        .alert-info { background: var(--accent-soft); border-color: var(--accent); color: #12386f; }

        .login { min-height: 100vh; display: grid; place-items: center; padding: 2rem 1rem; background: linear-gradient(160deg, #0f1b2d 0%, #1c3558 55%, #f4f6f9 55.1%); }
        .login-card { width: 100%; max-width: 420px; background: var(--surface); border-radius: 12px; box-shadow: 0 12px 32px rgba(15, 27, 45, .25); padding: 2rem 2rem 1.5rem; }
        .login-card .brand { color: var(--top); margin-bottom: 1.25rem; }
        .login-card h1 { font-size: 1.35rem; }
        .login-card .lede { color: var(--muted); margin-bottom: 1.25rem; }
        .login-card .note { font-size: .82rem; color: var(--muted); margin: 1.25rem 0 0; padding-top: 1rem; border-top: 1px solid var(--border); }

        .tabs { display: flex; gap: .25rem; border-bottom: 1px solid var(--border-strong); margin-bottom: 1rem; flex-wrap: wrap; }
        .tabs a { padding: .55rem 1rem; text-decoration: none; color: var(--muted); font-weight: 600; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; margin-bottom: -1px; }
        .tabs a:hover { color: var(--text); background: var(--surface); }
        .tabs a[aria-current="page"] { color: var(--text); background: var(--surface); border-color: var(--border-strong); border-bottom: 1px solid var(--surface); }

        .table-wrap { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; }
        caption { text-align: left; padding: .85rem 1rem; font-weight: 600; border-bottom: 1px solid var(--border); }
        caption .muted { font-weight: 400; }
        th, td { text-align: left; padding: .65rem 1rem; border-bottom: 1px solid var(--border); vertical-align: top; }
        th { background: var(--surface-2); font-size: .76rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; white-space: nowrap; }
        tbody tr:last-child > td { border-bottom: none; }
        tbody tr:hover > td { background: #fbfcfe; }
        td .sub { display: block; color: var(--muted); font-size: .84rem; max-width: 46ch; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .nowrap { white-space: nowrap; }
        .name { font-weight: 600; }

        .badge, .tag { display: inline-block; font-size: .75rem; font-weight: 700; line-height: 1.5; padding: .05rem .55rem; border-radius: 999px; border: 1px solid; white-space: nowrap; text-transform: capitalize; }
        .risk-unacceptable { background: #5c0b0b; border-color: #5c0b0b; color: #fff; }
        .risk-high { background: var(--bad-soft); border-color: #e9a3a3; color: var(--bad); }
        .risk-limited { background: var(--warn-soft); border-color: #ecc47e; color: var(--warn); }
        .risk-minimal { background: var(--ok-soft); border-color: #9fd3b3; color: var(--ok); }
        .tag { font-weight: 600; background: var(--surface-2); border-color: var(--border-strong); color: var(--muted); }
        .status-active { background: var(--ok-soft); border-color: #9fd3b3; color: var(--ok); }
        .status-suspended { background: var(--warn-soft); border-color: #ecc47e; color: var(--warn); }
        .status-retired { text-decoration: line-through; }
        .outcome-approved { background: var(--ok-soft); border-color: #9fd3b3; color: var(--ok); }
        .outcome-rejected { background: var(--bad-soft); border-color: #e9a3a3; color: var(--bad); }
        .claim { text-transform: none; margin-left: .35rem; background: var(--surface); border-color: var(--bad); color: var(--bad); }
        .severity-critical { background: #5c0b0b; border-color: #5c0b0b; color: #fff; } .severity-high { background: var(--bad-soft); border-color: #e9a3a3; color: var(--bad); }
        .severity-medium { background: var(--warn-soft); border-color: #ecc47e; color: var(--warn); } .severity-low, .severity-info { background: var(--surface-2); border-color: var(--border-strong); color: var(--muted); }
        tr.attention > td { background: var(--bad-soft); } tr.attention > td:first-child { box-shadow: inset 4px 0 0 var(--bad); } .section-title { margin-top: 1.75rem; }
        .type { font-family: var(--mono); font-size: .78rem; background: var(--accent-soft); color: #12386f; padding: .1rem .45rem; border-radius: 4px; white-space: nowrap; text-decoration: none; }
        a.type:hover { text-decoration: underline; color: var(--accent-dark); }

        .pager { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: .75rem 1rem; border-top: 1px solid var(--border); background: var(--surface-2); font-size: .9rem; flex-wrap: wrap; }
        .pager-links { display: flex; gap: .5rem; }
        .empty { padding: 2.5rem 1rem; text-align: center; color: var(--muted); }

        .checkpoint { border-left: 5px solid var(--ok); }
        .checkpoint.failed { border-left-color: var(--bad); background: var(--bad-soft); }
        .checkpoint-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: .75rem 1.5rem; margin: .5rem 0 0; }
        .facts dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; }
        .facts dd { margin: .1rem 0 0; overflow-wrap: anywhere; }
        .facts .wide { grid-column: 1 / -1; }

        .filters { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .9rem 1.25rem; align-items: end; }
        @media (max-width: 1000px) { .filters { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
        .filters .field { margin: 0; }
        .filters .actions { display: flex; gap: .5rem; align-items: center; }

        .proof { display: flex; gap: .5rem; align-items: flex-start; font-size: .84rem; line-height: 1.4; }
        td.proof-cell { width: 19rem; }
        td.subject-cell { min-width: 11rem; }
        td.entry-cell { white-space: nowrap; }
        td.entry-cell .index { font-size: 1rem; margin-right: .4rem; }
        td.entry-cell .sub { margin-top: .2rem; }
        .proof .icon { flex: none; display: inline-grid; place-items: center; width: 1.25rem; height: 1.25rem; border-radius: 50%; font-size: .75rem; font-weight: 800; color: #fff; margin-top: .1rem; }
        .proof-verified { color: var(--ok); }
        .proof-verified .icon { background: var(--ok); }
        .proof-pending { color: var(--warn); }
        .proof-pending .icon { background: #c98a12; }
        .proof-failed { color: var(--bad); font-weight: 700; }
        .proof-failed .icon { background: var(--bad); }
        tr.entry-failed > td { background: var(--bad-soft) !important; }
        tr.entry-failed > td:first-child { box-shadow: inset 5px 0 0 var(--bad); }

        details.raw > summary { cursor: pointer; color: var(--accent); font-size: .86rem; font-weight: 600; margin-top: .4rem; }
        details.raw[open] > summary { margin-bottom: .5rem; }
        details.raw h3 { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: .75rem 0 .25rem; }
        pre { background: #0f1b2d; color: #e6edf6; padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-width: 100%; }
        ol.hashes { margin: 0; padding-left: 1.5rem; font-family: var(--mono); font-size: .8rem; overflow-wrap: anywhere; }
        tr.entry > td { border-bottom: none; padding-bottom: .35rem; }
        .detail-row > td { padding-top: 0; padding-bottom: .6rem; }
        .detail-row details.raw > summary { margin-top: 0; font-size: .8rem; font-weight: 500; }
        tbody tr.detail-row:hover > td { background: transparent; }

        /* Assessments */
        textarea { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid var(--border-strong); border-radius: 6px; }
        fieldset.section { min-width: 0; } fieldset.section > legend { float: left; width: 100%; padding: 0; } fieldset.section > legend + * { clear: both; }
        fieldset.question { border: none; border-top: 1px solid var(--border); margin: 0; padding: .9rem 0; min-width: 0; }
        fieldset.question > legend { font-weight: 600; padding: 0; margin-bottom: .4rem; float: left; width: 100%; } fieldset.question > legend + * { clear: both; }
        fieldset.question.has-error { box-shadow: inset 4px 0 0 var(--bad); padding-left: .9rem; }
        .field-error { color: var(--bad); font-weight: 600; margin: 0 0 .4rem; }
        .choices { display: flex; gap: 1.5rem; } label.choice { display: inline-flex; gap: .4rem; align-items: center; font-weight: 500; } label.choice input { width: auto; min-height: 0; }
        .refs { font-size: .75rem; color: var(--muted); margin: .35rem 0 0; } .evidence label { margin-top: .4rem; }
        .form-actions { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; } .form-actions p { margin: 0 auto 0 0; }
        .actions { display: flex; gap: .5rem; } dl.answers dt { font-weight: 600; margin-top: .6rem; } dl.answers dd { margin: .1rem 0 0; }
        .result-passed, .assessment-approved { background: var(--ok-soft); border-color: #9fd3b3; color: var(--ok); }
        .result-needs_mitigation, .assessment-submitted { background: var(--warn-soft); border-color: #ecc47e; color: var(--warn); }
        .result-failed, .assessment-rejected { background: var(--bad-soft); border-color: #e9a3a3; color: var(--bad); }
        .assessment-invalidated { text-decoration: line-through; }
        @media (max-width: 760px) {
          .topbar-inner { gap: .5rem 1rem; padding: .5rem 1rem; }
          .mainnav { max-width: 100%; }
          .mainnav ul { flex-wrap: wrap; }
          .mainnav a { padding: .5rem .6rem; }
          .session { margin-left: 0; width: 100%; justify-content: space-between; }
          .page { padding: 1.25rem 1rem 2rem; }
          table.responsive thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.responsive, table.responsive tbody, table.responsive tr, table.responsive td { display: block; width: 100%; }
          table.responsive tr { border-bottom: 1px solid var(--border-strong); padding: .5rem 0; }
          table.responsive td { border: none; padding: .3rem 1rem; }
          table.responsive td[data-label]::before { content: attr(data-label); display: block; font-size: .7rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; }
          td.num { text-align: left; }
          table.responsive caption { display: block; }
          td.proof-cell, td.subject-cell { width: auto; min-width: 0; }
          td.entry-cell { white-space: normal; }
          .filters { grid-template-columns: minmax(0, 1fr); }
        }
        """;

    /// <summary>The lifecycle stepper and gate cards of the system page.</summary>
    private const string LifecycleCss = """
        .stepper { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; margin: 0 0 1.25rem; padding: 0; counter-reset: step; }
        .stepper li { counter-increment: step; padding: .35rem .7rem; border: 1px solid var(--border-strong); border-radius: 999px; font-size: .85rem; color: var(--muted); }
        .stepper li::before { content: counter(step) ". "; }
        .stepper li.done { color: inherit; }
        .stepper li[aria-current="step"] { font-weight: 700; color: inherit; border-width: 2px; }
        .gate { margin: 0 0 1.25rem; }
        .gate h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
        .gate ul.unmet { margin: .25rem 0 0; padding-left: 1.2rem; }
        .gate ul.unmet li { margin: .3rem 0; }
        .gate code.rule { font-size: .8rem; }
        .gate-ok { font-weight: 700; }
        .stage-form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
        .stage-form .field { min-width: 12rem; }
        """;
}
