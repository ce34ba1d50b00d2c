using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>
/// ServiceNow Table API (<c>/api/now/table/{table}</c>), basic auth or an OAuth bearer token. Records carry the
/// ticket's id in <c>correlation_id</c>; create looks it up first, so a lost answer never yields a second record.
/// Status changes PATCH <c>state</c> (and <c>close_code</c>/<c>close_notes</c> when closing).
/// </summary>
internal sealed class ServiceNowConnector : ITicketConnector
{
    private readonly ServiceNowOptions _options;
    private readonly TrackerHttp _http;

    public ServiceNowConnector(ServiceNowOptions options, HttpClient client, TimeProvider time)
    {
        _options = options;
        var token = Secrets.Read(options.OAuthToken, options.OAuthTokenFile, "Tickets:ServiceNow:OAuthTokenFile");
        AuthenticationHeaderValue auth;
        if (token is not null) auth = new AuthenticationHeaderValue("Bearer", token);
        else
        {
            var password = Secrets.Read(options.Password, options.PasswordFile, "Tickets:ServiceNow:PasswordFile");
            if (string.IsNullOrWhiteSpace(options.User) || password is null)
                throw new InvalidOperationException("Tickets:ServiceNow needs User and PasswordFile (or Password), or OAuthTokenFile, when Instance is set");
            auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{password}")));
        }
        _http = new TrackerHttp(client, "ServiceNow", options.BaseUri, auth, time);
    }

    public string Target => TicketMirrorTargets.ServiceNow;

    private string TablePath => $"api/now/table/{Uri.EscapeDataString(_options.Table)}";

    public async Task<DeliveryOutcome> DeliverAsync(OutboxItem item, Ticket ticket, CancellationToken cancellationToken) => item.Operation switch
    {
        TicketOperations.Create => await CreateAsync(ticket, cancellationToken).ConfigureAwait(false),
        TicketOperations.Status => await StatusAsync(ticket, cancellationToken).ConfigureAwait(false),
        _ => throw new ConnectorException($"unknown operation {item.Operation} for ServiceNow"),
    };

    private async Task<DeliveryOutcome> CreateAsync(Ticket ticket, CancellationToken ct)
    {
        var query = $"{TablePath}?sysparm_query={Uri.EscapeDataString($"correlation_id={ticket.Id}")}&sysparm_limit=1&sysparm_fields=sys_id,number";
        var (_, found) = await _http.SendAsync(HttpMethod.Get, query, null, ct).ConfigureAwait(false);
        if (found?["result"] is JsonArray { Count: > 0 } rows && rows[0] is JsonObject row)
            return Outcome(row);
        var record = new JsonObject
        {
            ["short_description"] = $"[{ticket.Key}] {ticket.Title}",
            ["description"] = $"{ticket.Description}\n\nSteward ticket {ticket.Key} ({ticket.Kind}) of AI system {ticket.SystemId}.",
            ["correlation_id"] = ticket.Id,
            ["correlation_display"] = "Steward",
            ["state"] = State(ticket.Status),
        };
        var (_, created) = await _http.SendAsync(HttpMethod.Post, $"{TablePath}?sysparm_fields=sys_id,number", record, ct).ConfigureAwait(false);
        return Outcome(created?["result"] as JsonObject ?? throw new ConnectorException("ServiceNow created a record but sent no result"));
    }

    private async Task<DeliveryOutcome> StatusAsync(Ticket ticket, CancellationToken ct)
    {
        var sysId = ticket.External.ServiceNowSysId ?? throw new ConnectorException($"ticket {ticket.Key} has no ServiceNow record yet");
        var change = new JsonObject { ["state"] = State(ticket.Status) };
        if (Ticket.IsClosed(ticket.Status))
        {
            change["close_code"] = _options.CloseCode;
            change["close_notes"] = ticket.Resolution ?? ticket.Status;
        }
        await _http.SendAsync(HttpMethod.Patch, $"{TablePath}/{Uri.EscapeDataString(sysId)}?sysparm_fields=sys_id,state", change, ct).ConfigureAwait(false);
        return DeliveryOutcome.Done;
    }

    private string State(string status) => status switch
    {
        Ticket.Open => _options.OpenState,
        Ticket.InProgress => _options.InProgressState,
        Ticket.Done => _options.DoneState,
        _ => _options.CancelledState,
    };

    private static DeliveryOutcome Outcome(JsonObject row) => new(
        row["sys_id"]?.GetValue<string>() ?? throw new ConnectorException("ServiceNow sent a record without sys_id"),
        row["number"]?.GetValue<string>());
}
