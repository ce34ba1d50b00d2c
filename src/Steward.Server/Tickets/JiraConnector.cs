using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>
/// Jira Cloud REST API v3 with basic auth (email:API token). Create looks for an issue labelled with the ticket's id
/// first (<c>POST /rest/api/3/search/jql</c>), so a lost answer never yields a second issue; the Blocks link checks the
/// issue's links first; status moves the issue through a transition to the status category of the ticket's status.
/// </summary>
internal sealed class JiraConnector : ITicketConnector
{
    private readonly JiraOptions _options;
    private readonly TrackerHttp _http;

    public JiraConnector(JiraOptions options, HttpClient client, TimeProvider time)
    {
        _options = options;
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrWhiteSpace(options.ProjectKey))
            throw new InvalidOperationException("Tickets:Jira needs Email and ProjectKey when BaseUrl is set");
        var token = Secrets.Read(options.ApiToken, options.ApiTokenFile, "Tickets:Jira:ApiTokenFile")
            ?? throw new InvalidOperationException("Tickets:Jira needs ApiTokenFile or ApiToken when BaseUrl is set");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{token}"));
        _http = new TrackerHttp(client, "Jira", new Uri(options.BaseUrl!.TrimEnd('/') + "/"), new AuthenticationHeaderValue("Basic", basic), time);
    }

    public string Target => TicketMirrorTargets.Jira;

    /// <summary>The label that marks the issue of a ticket.</summary>
    public static string Label(Ticket ticket) => $"steward-{ticket.Id}";

    public async Task<DeliveryOutcome> DeliverAsync(OutboxItem item, Ticket ticket, CancellationToken cancellationToken) => item.Operation switch
    {
        TicketOperations.Create => await CreateAsync(ticket, cancellationToken).ConfigureAwait(false),
        TicketOperations.Link => await LinkAsync(ticket, cancellationToken).ConfigureAwait(false),
        TicketOperations.Status => await StatusAsync(ticket, cancellationToken).ConfigureAwait(false),
        _ => throw new ConnectorException($"unknown operation {item.Operation}"),
    };

    /// <summary>The status of an issue: its name and its category key (new, indeterminate, done).</summary>
    public async Task<(string Name, string Category)> GetStatusAsync(string key, CancellationToken cancellationToken)
    {
        var (_, body) = await _http.SendAsync(HttpMethod.Get, $"rest/api/3/issue/{Uri.EscapeDataString(key)}?fields=status", null, cancellationToken).ConfigureAwait(false);
        var status = body?["fields"]?["status"];
        var name = status?["name"]?.GetValue<string>();
        var category = status?["statusCategory"]?["key"]?.GetValue<string>();
        if (name is null || category is null) throw new ConnectorException($"Jira sent issue {key} without fields.status.name and statusCategory.key");
        return (name, category);
    }

    private async Task<DeliveryOutcome> CreateAsync(Ticket ticket, CancellationToken ct)
    {
        var followUps = ticket.Blocking && !string.IsNullOrWhiteSpace(_options.BlocksIssueKey) ? new[] { TicketOperations.Link } : [];
        var search = new JsonObject
        {
            ["jql"] = $"project = \"{_options.ProjectKey}\" AND labels = \"{Label(ticket)}\"",
            ["fields"] = new JsonArray("status"),
            ["maxResults"] = 1,
        };
        var (_, found) = await _http.SendAsync(HttpMethod.Post, "rest/api/3/search/jql", search, ct).ConfigureAwait(false);
        if (found?["issues"] is JsonArray { Count: > 0 } issues && issues[0]?["key"]?.GetValue<string>() is { } existing)
            return new DeliveryOutcome(existing, null, followUps);

        var issue = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = _options.ProjectKey },
                ["issuetype"] = new JsonObject { ["name"] = _options.IssueType },
                ["summary"] = Truncate($"[{ticket.Key}] {ticket.Title}", 255),
                ["description"] = Adf(ticket),
                ["labels"] = new JsonArray("steward", Label(ticket)),
            },
        };
        var (_, created) = await _http.SendAsync(HttpMethod.Post, "rest/api/3/issue", issue, ct).ConfigureAwait(false);
        var key = created?["key"]?.GetValue<string>() ?? throw new ConnectorException("Jira created an issue but sent no key");
        return new DeliveryOutcome(key, null, followUps);
    }

    private async Task<DeliveryOutcome> LinkAsync(Ticket ticket, CancellationToken ct)
    {
        var key = ticket.External.JiraKey ?? throw new ConnectorException($"ticket {ticket.Key} has no Jira issue yet");
        var blocks = _options.BlocksIssueKey;
        if (string.IsNullOrWhiteSpace(blocks)) return DeliveryOutcome.Done;
        var (_, issue) = await _http.SendAsync(HttpMethod.Get, $"rest/api/3/issue/{Uri.EscapeDataString(key)}?fields=issuelinks", null, ct).ConfigureAwait(false);
        if (issue?["fields"]?["issuelinks"] is JsonArray links && links.Any(l =>
                l?["type"]?["name"]?.GetValue<string>() == "Blocks" && l["outwardIssue"]?["key"]?.GetValue<string>() == blocks))
            return DeliveryOutcome.Done;
        // The inward issue blocks the outward one: the risk ticket blocks the configured issue (e.g. the release epic).
        var link = new JsonObject
        {
            ["type"] = new JsonObject { ["name"] = "Blocks" },
            ["inwardIssue"] = new JsonObject { ["key"] = key },
            ["outwardIssue"] = new JsonObject { ["key"] = blocks },
        };
        await _http.SendAsync(HttpMethod.Post, "rest/api/3/issueLink", link, ct).ConfigureAwait(false);
        return DeliveryOutcome.Done;
    }

    private async Task<DeliveryOutcome> StatusAsync(Ticket ticket, CancellationToken ct)
    {
        var key = ticket.External.JiraKey ?? throw new ConnectorException($"ticket {ticket.Key} has no Jira issue yet");
        var wanted = ticket.Status switch
        {
            Ticket.Open => "new",
            Ticket.InProgress => "indeterminate",
            _ => "done",
        };
        var (_, category) = await GetStatusAsync(key, ct).ConfigureAwait(false);
        if (category == wanted) return DeliveryOutcome.Done;
        var path = $"rest/api/3/issue/{Uri.EscapeDataString(key)}/transitions";
        var (_, body) = await _http.SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false);
        var transitions = (body?["transitions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var chosen = (wanted == "done" ? transitions.FirstOrDefault(t => string.Equals(t["name"]?.GetValue<string>(), _options.DoneTransition, StringComparison.OrdinalIgnoreCase)) : null)
            ?? transitions.FirstOrDefault(t => t["to"]?["statusCategory"]?["key"]?.GetValue<string>() == wanted)
            ?? throw new ConnectorException($"Jira offers no transition of {key} to a '{wanted}' status (looked for '{_options.DoneTransition}')");
        var id = chosen["id"]?.GetValue<string>() ?? throw new ConnectorException("Jira sent a transition without an id");
        await _http.SendAsync(HttpMethod.Post, path, new JsonObject { ["transition"] = new JsonObject { ["id"] = id } }, ct).ConfigureAwait(false);
        return DeliveryOutcome.Done;
    }

    /// <summary>The description as Atlassian Document Format: one paragraph per line, plus a line naming the ticket.</summary>
    private static JsonObject Adf(Ticket ticket)
    {
        var content = new JsonArray();
        var lines = (ticket.Description.Length > 0 ? ticket.Description : ticket.Title).Split('\n');
        foreach (var line in lines.Append($"Steward ticket {ticket.Key} ({ticket.Kind}) of AI system {ticket.SystemId}."))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            content.Add(new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = line.TrimEnd('\r') }),
            });
        }
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
