using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Errors;
using Steward.Governance.Identity;
using Steward.Governance.Inventory;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Assessments;

/// <summary>
/// <c>/ui/assessments</c>: the list, starting one, the form (save, submit) and the decision (approve, reject,
/// invalidate). Forms post back with an anti-forgery token and redirect after success; roles and separation of
/// duties are checked by the store whatever the page showed.
/// </summary>
internal static class AssessmentEndpoints
{
    public const int DefaultLimit = 25;

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["started"] = "Assessment started. Answer the questions below; saving shows any follow-up questions.",
        ["saved"] = "Answers saved.",
        ["submitted"] = "Submitted for approval. An approver other than you will review it.",
        ["approved"] = "Approved.",
        ["rejected"] = "Rejected.",
        ["invalidated"] = "Invalidated.",
    };

    public static void MapAssessmentPages(this RouteGroupBuilder ui)
    {
        var pages = ui.MapGroup("/assessments").RequireAuthorization(AuthExtensions.Read);
        pages.MapGet("", List);
        pages.MapPost("", Start);
        pages.MapGet("/{id}", Show);
        pages.MapPost("/{id}/answers", (HttpContext c, AssessmentStore s, TemplateCatalog t, SystemStore y, string id) => SaveAsync(c, s, t, y, id, submit: false));
        pages.MapPost("/{id}/submit", (HttpContext c, AssessmentStore s, TemplateCatalog t, SystemStore y, string id) => SaveAsync(c, s, t, y, id, submit: true));
        pages.MapPost("/{id}/approve", (HttpContext c, AssessmentStore s, SystemStore y, string id) => DecideAsync(c, s, y, id, "approve"));
        pages.MapPost("/{id}/reject", (HttpContext c, AssessmentStore s, SystemStore y, string id) => DecideAsync(c, s, y, id, "reject"));
        pages.MapPost("/{id}/invalidate", (HttpContext c, AssessmentStore s, SystemStore y, string id) => DecideAsync(c, s, y, id, "invalidate"));
    }

    private static bool CanEdit(HttpContext c) => c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Approver) || c.User.IsInRole(Roles.Contributor);

    private static bool CanDecide(HttpContext c) => c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Approver);

    private static async Task<ContentHttpResult> List(HttpContext context, AssessmentStore store, SystemStore systems, TemplateCatalog templates, string? status) =>
        await ListPageAsync(context, store, systems, templates, string.IsNullOrEmpty(status) ? null : status, [], StatusCodes.Status200OK);

    private static async Task<ContentHttpResult> ListPageAsync(HttpContext context, AssessmentStore store, SystemStore systems, TemplateCatalog templates,
        string? status, List<string> errors, int statusCode)
    {
        var request = PageRequest.From(context.Request, DefaultLimit);
        errors.AddRange(request.Errors);
        Governance.Paging.Page<Assessment> page;
        try
        {
            page = await store.ListAsync(null, status, request.Cursor, request.Limit, context.RequestAborted);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The link is not valid ({m}). Start again from the first page."));
            page = new Governance.Paging.Page<Assessment>([], null);
            status = null;
            statusCode = StatusCodes.Status400BadRequest;
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in page.Items.Select(a => a.SystemId).Distinct(StringComparer.Ordinal))
            names[id] = (await systems.FindAsync(id, context.RequestAborted))?.Name ?? id;
        var startable = CanEdit(context) ? (await systems.ListAsync(null, Governance.Paging.Cursor.MaxLimit, context.RequestAborted)).Items : null;
        var main = AssessmentListPage.Render(context, page, request, status, names, startable, await templates.ListAsync(context.RequestAborted), errors);
        return DashboardResults.Page(context, "Risk assessments", DashboardArea.Assessments, main, statusCode);
    }

    private static async Task<IResult> Start(HttpContext context, IAntiforgery antiforgery, AssessmentStore store, SystemStore systems, TemplateCatalog templates)
    {
        if (await FormAsync(context, antiforgery) is not { } form)
            return await ListPageAsync(context, store, systems, templates, null, [Expired], StatusCodes.Status400BadRequest);
        if (!CanEdit(context))
            return await ListPageAsync(context, store, systems, templates, null, ["Starting an assessment needs the contributor, approver or admin role."], StatusCodes.Status403Forbidden);
        try
        {
            var template = form["template"].ToString();
            var started = await store.StartAsync(context.User.Actor(), form["system_id"].ToString(), template.Length == 0 ? null : template, null, context.RequestAborted);
            return TypedResults.Redirect($"/ui/assessments/{started.Id}?done=started");
        }
        catch (GovernanceException e)
        {
            return await ListPageAsync(context, store, systems, templates, null, Messages(e), StatusFor(e));
        }
    }

    private static async Task<ContentHttpResult> Show(HttpContext context, AssessmentStore store, SystemStore systems, string id, string? done) =>
        await PageAsync(context, store, systems, id, done is null ? null : Notices.GetValueOrDefault(done), [], null, null, StatusCodes.Status200OK);

    private static async Task<ContentHttpResult> PageAsync(HttpContext context, AssessmentStore store, SystemStore systems, string id, string? notice,
        List<string> errors, IReadOnlyDictionary<string, string>? fieldErrors, IFormCollection? entered, int statusCode)
    {
        AssessmentDetail detail;
        try
        {
            detail = await store.GetDetailAsync(id, context.RequestAborted);
        }
        catch (NotFoundException e)
        {
            return DashboardResults.Page(context, "Assessment not found", DashboardArea.Assessments,
                DashboardResults.ErrorBox("Assessment not found", [e.Message]), StatusCodes.Status404NotFound);
        }
        var name = (await systems.FindAsync(detail.Assessment.SystemId, context.RequestAborted))?.Name ?? detail.Assessment.SystemId;
        var main = AssessmentFormPage.Render(context, detail, name, new AssessmentFormPage.Abilities(CanEdit(context), CanDecide(context)),
            notice, errors, fieldErrors, entered);
        return DashboardResults.Page(context, $"Assessment of {name}", DashboardArea.Assessments, main, statusCode);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, AssessmentStore store, TemplateCatalog templates, SystemStore systems, string id, bool submit)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (await FormAsync(context, antiforgery) is not { } form)
            return await PageAsync(context, store, systems, id, null, [Expired], null, null, StatusCodes.Status400BadRequest);
        if (!CanEdit(context))
            return await PageAsync(context, store, systems, id, null, ["Answering needs the contributor, approver or admin role."], null, null, StatusCodes.Status403Forbidden);
        try
        {
            var detail = await store.GetDetailAsync(id, context.RequestAborted);
            var template = await templates.GetAsync(detail.Template.Id, detail.Template.Version, context.RequestAborted);
            var stored = detail.Sections.SelectMany(s => s.Questions).Where(q => q.Answer is not null)
                .ToDictionary(q => q.Id, q => q.Answer!, StringComparer.Ordinal);
            var (answers, fieldErrors) = AssessmentFormInput.Read(form, template.Template, stored);
            if (fieldErrors.Count > 0)
                return await PageAsync(context, store, systems, id, null, ["Some answers need correcting; they are marked below."], fieldErrors, form, StatusCodes.Status400BadRequest);
            if (answers.Count > 0) await store.AnswerAsync(context.User.Actor(), id, answers, context.RequestAborted);
            if (submit) await store.SubmitAsync(context.User.Actor(), id, context.RequestAborted);
            return TypedResults.Redirect($"/ui/assessments/{id}?done={(submit ? "submitted" : "saved")}");
        }
        catch (ValidationFailedException e)
        {
            var fields = e.Errors.Where(f => f.Key.StartsWith("answers.", StringComparison.Ordinal))
                .ToDictionary(f => f.Key["answers.".Length..], f => string.Join(" ", f.Value), StringComparer.Ordinal);
            var summary = fields.Count > 0 && fields.Values.All(v => v.Contains("required before submitting", StringComparison.Ordinal))
                ? $"Answer the {fields.Count} required question(s) marked below before submitting."
                : "Some answers need correcting; they are marked below.";
            return await PageAsync(context, store, systems, id, null, fields.Count > 0 ? [summary] : Messages(e), fields, form, StatusCodes.Status400BadRequest);
        }
        catch (GovernanceException e)
        {
            return await PageAsync(context, store, systems, id, null, Messages(e), null, null, StatusFor(e));
        }
    }

    private static async Task<IResult> DecideAsync(HttpContext context, AssessmentStore store, SystemStore systems, string id, string action)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (await FormAsync(context, antiforgery) is not { } form)
            return await PageAsync(context, store, systems, id, null, [Expired], null, null, StatusCodes.Status400BadRequest);
        if (!CanDecide(context))
            return await PageAsync(context, store, systems, id, null, ["Approving, rejecting and invalidating need the approver or admin role."], null, null, StatusCodes.Status403Forbidden);
        var actor = context.User.Actor();
        try
        {
            var comment = form["comment"].ToString();
            _ = action switch
            {
                "approve" => await store.ApproveAsync(actor, id, comment.Length == 0 ? null : comment, context.RequestAborted),
                "reject" => await store.RejectAsync(actor, id, comment, context.RequestAborted),
                _ => await store.InvalidateAsync(actor, id, form["reason"].ToString(), context.RequestAborted),
            };
            return TypedResults.Redirect($"/ui/assessments/{id}?done={action}d");
        }
        catch (GovernanceException e)
        {
            return await PageAsync(context, store, systems, id, null, Messages(e), null, null, StatusFor(e));
        }
    }

    private const string Expired = "The form expired or was not sent from this page. Reload the page and try again.";

    private static async Task<IFormCollection?> FormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType) return null;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await antiforgery.IsRequestValidAsync(context) ? form : null;
    }

    private static List<string> Messages(GovernanceException e) => e is ValidationFailedException v
        ? v.Errors.SelectMany(f => f.Value.Select(m => f.Key is "comment" or "reason" ? $"{(f.Key == "comment" ? "Comment" : "Reason")} {m}." : m)).ToList()
        : [e.Message];

    private static int StatusFor(GovernanceException e) => e switch
    {
        ValidationFailedException => StatusCodes.Status400BadRequest,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };
}
