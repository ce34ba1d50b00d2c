using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Errors;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>Risk assessment templates: list, read, publish a version (YAML body, admin), retire a version (admin).</summary>
internal static class AssessmentTemplatesApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static void MapAssessmentTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assessment-templates").WithTags("Assessments");
        group.MapGet("", async (TemplateCatalog templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)))
            .RequireAuthorization(AuthExtensions.Read).WithName("ListAssessmentTemplates").WithSummary("List templates with all their versions");
        group.MapGet("/{id}", async (TemplateCatalog templates, string id, CancellationToken ct) => TypedResults.Ok(TemplateView.From(await templates.GetAsync(id, null, ct))))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetAssessmentTemplate").WithSummary("The latest active version of a template").ProducesProblem(404);
        group.MapGet("/{id}/versions/{version:long}", async (TemplateCatalog templates, string id, long version, CancellationToken ct) =>
                TypedResults.Ok(TemplateView.From(await templates.GetAsync(id, version, ct))))
            .RequireAuthorization(AuthExtensions.Read).WithName("GetAssessmentTemplateVersion").WithSummary("One version of a template").ProducesProblem(404);
        group.MapPost("", Publish).RequireAuthorization(AuthExtensions.Admin)
            .WithName("PublishAssessmentTemplate").WithSummary("Publish a template version; the body is the YAML text (application/yaml)")
            .Accepts<string>("application/yaml").Produces<TemplateView>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapPost("/{id}/versions/{version:long}/retire", Retire).RequireAuthorization(AuthExtensions.Admin)
            .WithName("RetireAssessmentTemplateVersion").WithSummary("Retire a version: no new assessments or answers on it")
            .Accepts<ReasonRequest>("application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Created<TemplateView>> Publish(HttpContext context, TemplateCatalog templates)
    {
        var type = context.Request.ContentType?.Split(';')[0].Trim();
        if (type is null || !YamlTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            throw new ValidationFailedException("content-type", "must be application/yaml (the template's YAML text)");
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0) throw new ValidationFailedException("body", "is required (the template's YAML text)");
        if (buffer.Length > TemplateParser.MaxLength) throw new ValidationFailedException("body", $"must be at most {TemplateParser.MaxLength} bytes");
        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationFailedException("body", "must be UTF-8 text");
        }
        var detail = await templates.PublishAsync(context.User.Actor(), yaml, context.RequestAborted);
        return TypedResults.Created($"/api/v1/assessment-templates/{detail.Version.Id}/versions/{detail.Version.Version}", TemplateView.From(detail));
    }

    private static async Task<Ok<TemplateVersion>> Retire(HttpContext context, TemplateCatalog templates, string id, long version)
    {
        var request = await JsonBody.ReadAsync<ReasonRequest>(context.Request);
        return TypedResults.Ok(await templates.RetireAsync(context.User.Actor(), id, version, request.Reason, context.RequestAborted));
    }
}

/// <summary>A body carrying only a reason (retire, invalidate).</summary>
internal sealed record ReasonRequest(string? Reason);
