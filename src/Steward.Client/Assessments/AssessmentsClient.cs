using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Client.Http;

namespace Steward.Client;

/// <summary>Risk assessments and their templates: <c>/api/v1/assessments</c>, <c>/api/v1/assessment-templates</c>.</summary>
public sealed class AssessmentsClient
{
    private const string Path = "api/v1/assessments";
    private const string Templates = "api/v1/assessment-templates";
    private readonly StewardHttp _http;

    internal AssessmentsClient(StewardHttp http) => _http = http;

    /// <summary>Starts an assessment of a system (contributor, approver, admin).</summary>
    /// <param name="systemId">The system.</param>
    /// <param name="template">The template id; null for the server's default template.</param>
    /// <param name="templateVersion">The version; null for the latest active one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The draft assessment.</returns>
    public Task<Assessment> StartAsync(string systemId, string? template = null, long? templateVersion = null, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<StartRequest, Assessment>(HttpMethod.Post, $"api/v1/systems/{Query.Segment(systemId)}/assessments",
            new StartRequest(template, templateVersion), cancellationToken);

    /// <summary>Lists one page of assessments, newest first.</summary>
    /// <param name="systemId">Only this system's; null for all.</param>
    /// <param name="status">Only in this status; null for all.</param>
    /// <param name="cursor">The page's cursor; null for the first.</param>
    /// <param name="limit">Page size (1–500).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Assessment>> ListAsync(string? systemId = null, string? status = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<Assessment>(new Query(Path).Add("system_id", systemId).Add("status", status).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Gets an assessment with its visible questions, answers, missing questions and score.</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The assessment in detail.</returns>
    public Task<AssessmentDetail> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<AssessmentDetail>($"{Path}/{Query.Segment(id)}", cancellationToken);

    /// <summary>Answers questions; a null value removes an answer.</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="answers">Question id to answer (true/false, an option value, a number, text, or {"sha256","uri"}).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The assessment after the answers (newly shown questions included).</returns>
    public Task<AssessmentDetail> AnswerAsync(string id, IReadOnlyDictionary<string, JsonNode?> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var body = new JsonObject { ["answers"] = new JsonObject(answers.Select(a => KeyValuePair.Create(a.Key, a.Value?.DeepClone()))) };
        return _http.SendJsonAsync<JsonObject, AssessmentDetail>(HttpMethod.Put, $"{Path}/{Query.Segment(id)}/answers", body, cancellationToken);
    }

    /// <summary>Submits a draft (every visible required question answered); the server computes the score.</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The submitted assessment with its score.</returns>
    public Task<Assessment> SubmitAsync(string id, CancellationToken cancellationToken = default) =>
        _http.SendContentAsync<Assessment>(HttpMethod.Post, $"{Path}/{Query.Segment(id)}/submit", null, cancellationToken);

    /// <summary>Approves a submitted assessment (approver, admin; never one's own submission).</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="comment">Optional comment.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The approved assessment.</returns>
    public Task<Assessment> ApproveAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<CommentRequest, Assessment>(HttpMethod.Post, $"{Path}/{Query.Segment(id)}/approve", new CommentRequest(comment), cancellationToken);

    /// <summary>Rejects a submitted assessment with a comment (approver, admin).</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="comment">Why.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rejected assessment.</returns>
    public Task<Assessment> RejectAsync(string id, string comment, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<CommentRequest, Assessment>(HttpMethod.Post, $"{Path}/{Query.Segment(id)}/reject", new CommentRequest(comment), cancellationToken);

    /// <summary>Invalidates a submitted or approved assessment (approver, admin).</summary>
    /// <param name="id">The assessment.</param>
    /// <param name="reason">Why it is no longer current.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The invalidated assessment.</returns>
    public Task<Assessment> InvalidateAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<ReasonRequest, Assessment>(HttpMethod.Post, $"{Path}/{Query.Segment(id)}/invalidate", new ReasonRequest(reason), cancellationToken);

    /// <summary>Lists templates with all their versions.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The templates.</returns>
    public Task<IReadOnlyList<AssessmentTemplateSummary>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<IReadOnlyList<AssessmentTemplateSummary>>(Templates, cancellationToken);

    /// <summary>Gets a template version (the latest active one when <paramref name="version"/> is null).</summary>
    /// <param name="id">Template id.</param>
    /// <param name="version">Version, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The template version.</returns>
    public Task<AssessmentTemplate> GetTemplateAsync(string id, long? version = null, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<AssessmentTemplate>(version is null
            ? $"{Templates}/{Query.Segment(id)}"
            : $"{Templates}/{Query.Segment(id)}/versions/{version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", cancellationToken);

    /// <summary>Publishes a template version from its YAML text (admin).</summary>
    /// <param name="yaml">The template.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The published version.</returns>
    public async Task<AssessmentTemplate> PublishTemplateAsync(string yaml, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml") { CharSet = "utf-8" };
        return await _http.SendContentAsync<AssessmentTemplate>(HttpMethod.Post, Templates, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retires a template version (admin): no new assessments or answers on it.</summary>
    /// <param name="id">Template id.</param>
    /// <param name="version">Version.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The retired version.</returns>
    public Task<AssessmentTemplateVersion> RetireTemplateAsync(string id, long version, string reason, CancellationToken cancellationToken = default) =>
        _http.SendJsonAsync<ReasonRequest, AssessmentTemplateVersion>(HttpMethod.Post,
            $"{Templates}/{Query.Segment(id)}/versions/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}/retire", new ReasonRequest(reason), cancellationToken);

    private sealed record StartRequest(string? Template, long? TemplateVersion);

    private sealed record CommentRequest(string? Comment);

    private sealed record ReasonRequest(string Reason);
}
