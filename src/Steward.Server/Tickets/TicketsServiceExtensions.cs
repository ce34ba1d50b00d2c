using Steward.Governance.Tickets;

namespace Steward.Server.Tickets;

/// <summary>Wires ticket mirroring into the server: the configured targets, their connectors and the background workers.</summary>
internal static class TicketsServiceExtensions
{
    public static void AddStewardTickets(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Tickets").Get<TicketsOptions>() ?? new TicketsOptions();
        options.Delivery.Validate();
        builder.Services.AddSingleton(options);
        var targets = new List<string>();
        if (options.Jira.Enabled) targets.Add(TicketMirrorTargets.Jira);
        if (options.ServiceNow.Enabled) targets.Add(TicketMirrorTargets.ServiceNow);
        // Registered after the governance defaults, so this instance wins.
        builder.Services.AddSingleton(new TicketMirrorTargets(targets));
        builder.Services.AddHttpClient("tickets", c => c.Timeout = Timeout.InfiniteTimeSpan);
        if (options.Jira.Enabled)
        {
            builder.Services.AddSingleton(sp => new JiraConnector(options.Jira, sp.GetRequiredService<IHttpClientFactory>().CreateClient("tickets"), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton<ITicketConnector>(sp => sp.GetRequiredService<JiraConnector>());
            builder.Services.AddHostedService<JiraStatusPoller>();
        }
        if (options.ServiceNow.Enabled)
            builder.Services.AddSingleton<ITicketConnector>(sp => new ServiceNowConnector(options.ServiceNow, sp.GetRequiredService<IHttpClientFactory>().CreateClient("tickets"), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new JiraWebhookSecret(Secrets.Read(options.Jira.WebhookSecret, options.Jira.WebhookSecretFile, "Tickets:Jira:WebhookSecretFile")));
        builder.Services.AddSingleton<TicketDeliveryWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketDeliveryWorker>());
    }
}

/// <summary>The Jira webhook's shared secret, or null when the webhook is off.</summary>
internal sealed record JiraWebhookSecret(string? Value);
