using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Templates;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Assessments;

/// <summary>
/// One assessment: a draft shows a form of its visible questions (saving re-renders it with the questions the
/// answers made relevant); afterwards the answers, the score and, for approvers, the decision form.
/// </summary>
internal static class AssessmentFormPage
{
    /// <summary>What the signed-in person may do here (the server checks again on every post).</summary>
    public sealed record Abilities(bool CanEdit, bool CanDecide);

    public static Html Render(HttpContext context, AssessmentDetail detail, string systemName, Abilities can,
        string? notice, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? fieldErrors, IFormCollection? entered)
    {
        var a = detail.Assessment;
        var editing = a.Status == Assessment.Draft && can.CanEdit && detail.Template.Status == TemplateVersion.Active;
        var problems = errors.Count == 0 ? Html.Empty : DashboardResults.ErrorBox("Not done", errors);
        var ok = notice is null ? Html.Empty : Html.Of($"<div class=\"alert alert-ok\" role=\"status\">{notice}</div>");
        var retired = detail.Template.Status == TemplateVersion.Active ? Html.Empty
            : Html.Of($"<div class=\"alert alert-info\">Template version {detail.Template.Version} is retired: this assessment can no longer be answered or submitted. Start a new one on the current version.</div>");
        return Html.Of($"""
            <div class="page-head">
              <div>
                <p><a href="/ui/assessments">All assessments</a></p>
                <h1>Risk assessment of {systemName}</h1>
                <p>{detail.Template.Title} · version {detail.Template.Version} · {AssessmentViews.Status(a.Status)}</p>
              </div>
            </div>
            {ok}{problems}{retired}
            {Facts(a)}
            {(a.Score is { } score ? AssessmentViews.Score(score, "Score at submission") : Html.Empty)}
            {Decision(context, a, can)}
            {(editing ? Form(context, detail, fieldErrors ?? new Dictionary<string, string>(), entered) : Answers(detail))}
            {(editing && detail.Preview is { } preview ? AssessmentViews.Score(preview, "Score if submitted now") : Html.Empty)}
            """);
    }

    private static Html Facts(Assessment a) => Html.Of($"""
        <section class="card"><dl class="facts">
          <div><dt>Started</dt><dd>{a.StartedBy}, {Format.Time(a.StartedAt)}</dd></div>
          {(a.SubmittedBy is null ? Html.Empty : Html.Of($"<div><dt>Submitted</dt><dd>{a.SubmittedBy}, {Format.Time(a.SubmittedAt!.Value)}</dd></div>"))}
          {(a.DecidedBy is null ? Html.Empty : Html.Of($"<div><dt>{(a.Decision == Assessment.Approved ? "Approved" : "Rejected")}</dt><dd data-testid=\"decided\">{a.DecidedBy}, {Format.Time(a.DecidedAt!.Value)}{(a.DecisionComment is { } c ? Html.Of($"<span class=\"sub\">“{c}”</span>") : Html.Empty)}</dd></div>"))}
          {(a.InvalidatedAt is null ? Html.Empty : Html.Of($"<div class=\"wide\"><dt>Invalidated</dt><dd>{a.InvalidatedBy}, {Format.Time(a.InvalidatedAt.Value)}: {a.InvalidationReason}</dd></div>"))}
          {(a.AnswersSha256 is null ? Html.Empty : Html.Of($"<div><dt>Answers SHA-256</dt><dd class=\"mono\">{Format.Short(a.AnswersSha256, 16)}</dd></div>"))}
        </dl></section>
        """);

    private static Html Decision(HttpContext context, Assessment a, Abilities can)
    {
        if (!can.CanDecide) return Html.Empty;
        var token = DashboardLayout.AntiforgeryField(context);
        if (a.Status == Assessment.Submitted)
            return Html.Of($"""
                <section class="card" aria-labelledby="decide-heading">
                  <h2 id="decide-heading">Decision</h2>
                  <p class="muted">Approving records your review on the ledger. You cannot approve or reject an assessment you submitted, or one of a system you registered.</p>
                  <form method="post" action="/ui/assessments/{a.Id}/approve">
                    {token}
                    <div class="field"><label for="comment">Comment <span class="hint">Required to reject.</span></label><textarea id="comment" name="comment" rows="3"></textarea></div>
                    <div class="actions">
                      <button type="submit" class="btn">Approve</button>
                      <button type="submit" class="btn btn-secondary" formaction="/ui/assessments/{a.Id}/reject">Reject</button>
                    </div>
                  </form>
                </section>
                """);
        if (a.Status == Assessment.Approved)
            return Html.Of($"""
                <section class="card" aria-labelledby="invalidate-heading">
                  <h2 id="invalidate-heading">Invalidate</h2>
                  <form method="post" action="/ui/assessments/{a.Id}/invalidate">
                    {token}
                    <div class="field"><label for="reason">Why is this assessment no longer current?</label><textarea id="reason" name="reason" rows="2"></textarea></div>
                    <button type="submit" class="btn btn-secondary">Invalidate</button>
                  </form>
                </section>
                """);
        return Html.Empty;
    }

    private static Html Form(HttpContext context, AssessmentDetail detail, IReadOnlyDictionary<string, string> fieldErrors, IFormCollection? entered)
    {
        var id = detail.Assessment.Id;
        var sections = detail.Sections.Select(s => Html.Of($"""
            <fieldset class="card section">
              <legend><h2>{s.Title}</h2></legend>
              {(s.Description is null ? Html.Empty : Html.Of($"<p class=\"muted\">{s.Description}</p>"))}
              {s.Questions.Select(q => Question(q, fieldErrors.GetValueOrDefault(q.Id), entered))}
            </fieldset>
            """));
        var missing = detail.Missing.Count == 0
            ? Html.Of($"<p>Every required question is answered; you can submit.</p>")
            : Html.Of($"<p><strong>{detail.Missing.Count.ToString(CultureInfo.InvariantCulture)}</strong> required question(s) still open. Saving shows follow-up questions your answers make relevant.</p>");
        return Html.Of($"""
            <form method="post" action="/ui/assessments/{id}/answers" class="assessment-form" novalidate>
              {DashboardLayout.AntiforgeryField(context)}
              {sections}
              <div class="card form-actions">
                {missing}
                <button type="submit" class="btn">Save answers</button>
                <button type="submit" class="btn btn-secondary" formaction="/ui/assessments/{id}/submit">Save and submit for approval</button>
              </div>
            </form>
            """);
    }

    private static Html Question(QuestionView q, string? error, IFormCollection? entered)
    {
        var name = AssessmentFormInput.Prefix + q.Id;
        string Value(string field, string? stored) => entered is not null && entered.ContainsKey(field) ? entered[field].ToString() : stored ?? "";
        var fieldId = "q-" + q.Id;
        var requiredMark = q.Required ? Html.Empty : Html.Of($" <span class=\"hint\">(optional)</span>");
        Html input;
        switch (q.Type)
        {
            case QuestionTypes.YesNo:
                var current = Value(name, q.Answer is null ? null : q.Answer.GetValue<bool>() ? "yes" : "no");
                input = Html.Of($"""
                    <div class="choices">
                      <label class="choice"><input type="radio" name="{name}" value="yes"{Checked(current == "yes")}> Yes</label>
                      <label class="choice"><input type="radio" name="{name}" value="no"{Checked(current == "no")}> No</label>
                    </div>
                    """);
                break;
            case QuestionTypes.Choice:
                var selected = Value(name, q.Answer?.GetValue<string>());
                input = Html.Of($"""
                    <select id="{fieldId}" name="{name}" aria-labelledby="{fieldId}-text">
                      <option value="">Choose…</option>
                      {q.Options!.Select(o => Html.Of($"<option value=\"{o.Value}\"{(o.Value == selected ? Html.Of($" selected") : Html.Empty)}>{o.Label}</option>"))}
                    </select>
                    """);
                break;
            case QuestionTypes.Number:
                var number = Value(name, q.Answer is null ? null : q.Answer.ToJsonString());
                input = Html.Of($"<input id=\"{fieldId}\" name=\"{name}\" type=\"number\" step=\"any\" inputmode=\"decimal\" value=\"{number}\" aria-labelledby=\"{fieldId}-text\">{(q.Unit is null ? Html.Empty : Html.Of($" <span class=\"hint\">{q.Unit}</span>"))}");
                break;
            case QuestionTypes.Evidence:
                var sha = Value(name + ".sha256", (q.Answer as JsonObject)?["sha256"]?.GetValue<string>());
                var uri = Value(name + ".uri", (q.Answer as JsonObject)?["uri"]?.GetValue<string>());
                input = Html.Of($"""
                    <div class="evidence">
                      <label for="{fieldId}-sha256">SHA-256 of the document <span class="hint">64 hexadecimal characters, e.g. from <code>sha256sum</code></span></label>
                      <input id="{fieldId}-sha256" name="{name}.sha256" value="{sha}" class="mono" autocomplete="off">
                      <label for="{fieldId}-uri">Link <span class="hint">https only</span></label>
                      <input id="{fieldId}-uri" name="{name}.uri" type="url" value="{uri}">
                    </div>
                    """);
                break;
            default:
                input = Html.Of($"<textarea id=\"{fieldId}\" name=\"{name}\" rows=\"3\" aria-labelledby=\"{fieldId}-text\">{Value(name, q.Answer?.GetValue<string>())}</textarea>");
                break;
        }
        var refs = string.Join(" · ", q.Maps.EuAiAct.Concat(q.Maps.Nist).Concat(q.Maps.Iso42001));
        return Html.Of($"""
            <fieldset class="question{(error is null ? Html.Empty : Html.Of($" has-error"))}" id="f-{q.Id}">
              <legend id="{fieldId}-text">{q.Text}{requiredMark}</legend>
              {(q.Help is null ? Html.Empty : Html.Of($"<p class=\"hint\">{q.Help}</p>"))}
              {(error is null ? Html.Empty : Html.Of($"<p class=\"field-error\" role=\"alert\">{error}</p>"))}
              {input}
              <p class="refs">{refs}</p>
            </fieldset>
            """);
    }

    private static Html Answers(AssessmentDetail detail) => Html.Of($"""
        <section class="card" aria-labelledby="answers-heading">
          <h2 id="answers-heading">Answers</h2>
          {detail.Sections.Select(s => Html.Of($"""
            <h3>{s.Title}</h3>
            <dl class="answers">{s.Questions.Select(q => Html.Of($"<dt>{q.Text}</dt><dd>{Display(q)}</dd>"))}</dl>
            """))}
        </section>
        """);

    private static Html Display(QuestionView q) => q.Answer switch
    {
        null => Html.Of($"<span class=\"muted\">unanswered</span>"),
        JsonValue v when q.Type == QuestionTypes.YesNo => Html.Text(v.GetValue<bool>() ? "Yes" : "No"),
        JsonValue v when q.Type == QuestionTypes.Choice => Html.Text(q.Options?.FirstOrDefault(o => o.Value == v.GetValue<string>())?.Label ?? v.GetValue<string>()),
        JsonObject e => Html.Of($"{(e["sha256"] is { } sha ? Html.Of($"<span class=\"mono\">sha256 {sha.GetValue<string>()}</span> ") : Html.Empty)}{(e["uri"] is { } uri ? Html.Of($"<a href=\"{uri.GetValue<string>()}\" rel=\"noreferrer\">{uri.GetValue<string>()}</a>") : Html.Empty)}"),
        JsonValue v when q.Type == QuestionTypes.Text => Html.Text(v.GetValue<string>()),
        var other => Html.Text(other.ToJsonString()),
    };

    private static Html Checked(bool on) => on ? Html.Of($" checked") : Html.Empty;
}
