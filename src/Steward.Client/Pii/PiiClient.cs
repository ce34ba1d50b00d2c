using Steward.Client.Http;

namespace Steward.Client;

/// <summary>PII analysis and anonymization through the server's Presidio-compatible routes (roles admin, approver, contributor, service).</summary>
public sealed class PiiClient
{
    private readonly StewardHttp _http;

    internal PiiClient(StewardHttp http) => _http = http;

    /// <summary>Finds PII in one text (<c>POST /analyze</c>).</summary>
    /// <param name="request">The text and options.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The findings, by position.</returns>
    public Task<IReadOnlyList<PiiEntity>> AnalyzeAsync(PiiAnalyzeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<PiiAnalyzeRequest, IReadOnlyList<PiiEntity>>(HttpMethod.Post, "analyze", request, cancellationToken);
    }

    /// <summary>Anonymizes spans of a text (<c>POST /anonymize</c>).</summary>
    /// <param name="request">The text, spans and operators.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new text and what was done.</returns>
    public Task<PiiAnonymizeResult> AnonymizeAsync(PiiAnonymizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<PiiAnonymizeRequest, PiiAnonymizeResult>(HttpMethod.Post, "anonymize", request, cancellationToken);
    }

    /// <summary>Reverses encryption (<c>POST /deanonymize</c>).</summary>
    /// <param name="request">The anonymized text, its items and the decrypt operators.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The restored text.</returns>
    public Task<PiiAnonymizeResult> DeanonymizeAsync(PiiDeanonymizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<PiiDeanonymizeRequest, PiiAnonymizeResult>(HttpMethod.Post, "deanonymize", request, cancellationToken);
    }

    /// <summary>The entity types the server reports for a language (<c>GET /supportedentities</c>).</summary>
    /// <param name="language">The language (default <c>en</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity types.</returns>
    public Task<IReadOnlyList<string>> SupportedEntitiesAsync(string language = "en", CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<IReadOnlyList<string>>(new Query("supportedentities").Add("language", language).ToString(), cancellationToken);
}
