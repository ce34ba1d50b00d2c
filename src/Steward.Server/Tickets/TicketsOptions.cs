namespace Steward.Server.Tickets;

/// <summary>
/// Mirroring of tickets (section <c>Tickets</c>). Jira is on when <c>Tickets:Jira:BaseUrl</c> is set, ServiceNow when
/// <c>Tickets:ServiceNow:Instance</c> is set; neither by default (the built-in tracker works alone).
/// </summary>
public sealed class TicketsOptions
{
    /// <summary>Jira Cloud (REST API v3).</summary>
    public JiraOptions Jira { get; set; } = new();

    /// <summary>ServiceNow (Table API).</summary>
    public ServiceNowOptions ServiceNow { get; set; } = new();

    /// <summary>The outbox worker.</summary>
    public TicketDeliveryOptions Delivery { get; set; } = new();
}

/// <summary>Jira Cloud settings (section <c>Tickets:Jira</c>).</summary>
public sealed class JiraOptions
{
    /// <summary>The site, e.g. <c>https://example.atlassian.net</c>. Mirroring to Jira is off while unset.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>The Atlassian account's email (basic auth user).</summary>
    public string? Email { get; set; }
    /// <summary>The API token (prefer <see cref="ApiTokenFile"/>).</summary>
    public string? ApiToken { get; set; }
    /// <summary>A file holding the API token.</summary>
    public string? ApiTokenFile { get; set; }
    /// <summary>The project issues are created in, e.g. <c>GOV</c>.</summary>
    public string? ProjectKey { get; set; }
    /// <summary>The issue type name (default <c>Task</c>).</summary>
    public string IssueType { get; set; } = "Task";
    /// <summary>Optional: the issue (e.g. the release epic) each blocking ticket gets a "Blocks" link to.</summary>
    public string? BlocksIssueKey { get; set; }
    /// <summary>The transition name used to close an issue when Steward closes the ticket (default <c>Done</c>).</summary>
    public string DoneTransition { get; set; } = "Done";
    /// <summary>The secret of the Jira admin webhook (HMAC-SHA256, header <c>X-Hub-Signature</c>); the webhook endpoint refuses everything while unset.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>A file holding the webhook secret.</summary>
    public string? WebhookSecretFile { get; set; }
    /// <summary>How often open mirrored tickets are polled for their Jira status (the webhook's fallback; default 5 minutes; 0 turns polling off).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether Jira mirroring is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>ServiceNow settings (section <c>Tickets:ServiceNow</c>).</summary>
public sealed class ServiceNowOptions
{
    /// <summary>The instance name (<c>acme</c> for https://acme.service-now.com) or its full URL. Off while unset.</summary>
    public string? Instance { get; set; }
    /// <summary>Basic auth user.</summary>
    public string? User { get; set; }
    /// <summary>Basic auth password (prefer <see cref="PasswordFile"/>).</summary>
    public string? Password { get; set; }
    /// <summary>A file holding the password.</summary>
    public string? PasswordFile { get; set; }
    /// <summary>An OAuth access token, used instead of basic auth (prefer <see cref="OAuthTokenFile"/>).</summary>
    public string? OAuthToken { get; set; }
    /// <summary>A file holding the OAuth access token.</summary>
    public string? OAuthTokenFile { get; set; }
    /// <summary>The table records are created in (default <c>incident</c>).</summary>
    public string Table { get; set; } = "incident";
    /// <summary>The <c>state</c> value of an open ticket (incident: 1 New).</summary>
    public string OpenState { get; set; } = "1";
    /// <summary>The <c>state</c> value of a ticket in progress (incident: 2 In Progress).</summary>
    public string InProgressState { get; set; } = "2";
    /// <summary>The <c>state</c> value of a done ticket (incident: 6 Resolved).</summary>
    public string DoneState { get; set; } = "6";
    /// <summary>The <c>state</c> value of a cancelled ticket (incident: 8 Canceled).</summary>
    public string CancelledState { get; set; } = "8";
    /// <summary>The <c>close_code</c> sent when resolving (incident tables require one).</summary>
    public string CloseCode { get; set; } = "Solution provided";

    /// <summary>Whether ServiceNow mirroring is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Instance);

    /// <summary>The instance's base URL.</summary>
    public Uri BaseUri => Instance!.Contains("://", StringComparison.Ordinal)
        ? new Uri(Instance.TrimEnd('/') + "/")
        : new Uri($"https://{Instance}.service-now.com/");
}

/// <summary>The outbox worker (section <c>Tickets:Delivery</c>).</summary>
public sealed class TicketDeliveryOptions
{
    /// <summary>How often the worker looks for due rows (default 2 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The first retry delay; it doubles per attempt, with ±25 % jitter (default 2 s).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The longest retry delay (default 10 minutes).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Timeout of one outside call (default 30 s); a row is leased for twice this while it is delivered.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Rows claimed per round (default 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Fails start-up with a clear message instead of a worker that spins or never runs.</summary>
    internal void Validate()
    {
        if (Interval <= TimeSpan.Zero) throw new InvalidOperationException("Tickets:Delivery:Interval must be positive");
        if (BaseDelay <= TimeSpan.Zero) throw new InvalidOperationException("Tickets:Delivery:BaseDelay must be positive");
        if (MaxDelay < BaseDelay) throw new InvalidOperationException("Tickets:Delivery:MaxDelay must be at least BaseDelay");
        if (RequestTimeout <= TimeSpan.Zero) throw new InvalidOperationException("Tickets:Delivery:RequestTimeout must be positive");
        if (BatchSize is < 1 or > 500) throw new InvalidOperationException("Tickets:Delivery:BatchSize must be from 1 to 500");
    }
}
