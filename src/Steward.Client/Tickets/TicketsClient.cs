using Steward.Client.Http;

namespace Steward.Client;

/// <summary>The built-in tracker: <c>/api/v1/tickets</c>.</summary>
public sealed class TicketsClient
{
    private const string Path = "api/v1/tickets";
    private readonly StewardHttp _http;

    internal TicketsClient(StewardHttp http) => _http = http;

    /// <summary>Lists one page of tickets.</summary>
    /// <param name="systemId">Only this system's tickets.</param>
    /// <param name="status">Only tickets in this status.</param>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size (1–500; the server's default is 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<Ticket>> ListAsync(string? systemId = null, string? status = null, string? cursor = null, int? limit = null,
        CancellationToken cancellationToken = default) =>
        _http.GetPageAsync<Ticket>(new Query(Path).Add("system_id", systemId).Add("status", status).Page(cursor, limit).ToString(), cancellationToken);

    /// <summary>Enumerates all tickets matching the filters, following cursors.</summary>
    /// <param name="systemId">Only this system's tickets.</param>
    /// <param name="status">Only tickets in this status.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every matching ticket.</returns>
    public IAsyncEnumerable<Ticket> ListAllAsync(string? systemId = null, string? status = null, CancellationToken cancellationToken = default) =>
        Paging.FollowAsync((cursor, ct) => ListAsync(systemId, status, cursor, limit: null, ct), cancellationToken);

    /// <summary>Gets one ticket with its history and deliveries.</summary>
    /// <param name="idOrKey">The ticket's id or key (<c>STW-42</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ticket.</returns>
    public Task<Ticket> GetAsync(string idOrKey, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<Ticket>($"{Path}/{Query.Segment(idOrKey)}", cancellationToken);

    /// <summary>Opens a ticket by hand (roles admin, approver, contributor).</summary>
    /// <param name="request">The ticket.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The opened ticket.</returns>
    public Task<Ticket> OpenAsync(OpenTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<OpenTicketRequest, Ticket>(HttpMethod.Post, Path, request, cancellationToken);
    }

    /// <summary>Changes a ticket's status; closing a blocking intake ticket by hand is an admin's override with a reason.</summary>
    /// <param name="idOrKey">The ticket's id or key.</param>
    /// <param name="request">The new status and the reason.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The changed ticket.</returns>
    public Task<Ticket> ChangeStatusAsync(string idOrKey, ChangeTicketStatusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _http.SendJsonAsync<ChangeTicketStatusRequest, Ticket>(HttpMethod.Post, $"{Path}/{Query.Segment(idOrKey)}/status", request, cancellationToken);
    }

    /// <summary>Gets the delivery backlog (pending calls to Jira and ServiceNow).</summary>
    /// <param name="limit">How many rows to list (1–500; default 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The backlog.</returns>
    public Task<TicketBacklog> OutboxAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync<TicketBacklog>(new Query($"{Path}/outbox").Add("limit", limit).ToString(), cancellationToken);
}
