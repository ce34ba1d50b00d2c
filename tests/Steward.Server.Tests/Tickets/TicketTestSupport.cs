using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Tickets;

/// <summary>Settings and waiting helpers shared by the connector contract tests.</summary>
internal static class TicketTestSupport
{
    public static Dictionary<string, string?> FastDelivery() => new()
    {
        ["Tickets:Delivery:Interval"] = "00:00:00.100",
        ["Tickets:Delivery:BaseDelay"] = "00:00:00.200",
        ["Tickets:Delivery:MaxDelay"] = "00:00:01",
        ["Tickets:Delivery:RequestTimeout"] = "00:00:05",
    };

    public static Dictionary<string, string?> Jira(FakeJira jira, string token, string? blocks = "REL-1", string poll = "00:10:00")
    {
        var settings = FastDelivery();
        settings["Tickets:Jira:BaseUrl"] = jira.Url.ToString();
        settings["Tickets:Jira:Email"] = "steward-bot@example.com";
        settings["Tickets:Jira:ApiToken"] = token;
        settings["Tickets:Jira:ProjectKey"] = "GOV";
        settings["Tickets:Jira:BlocksIssueKey"] = blocks;
        settings["Tickets:Jira:WebhookSecret"] = "hook-secret";
        settings["Tickets:Jira:PollInterval"] = poll;
        return settings;
    }

    public static Dictionary<string, string?> ServiceNow(FakeServiceNow sn, string password)
    {
        var settings = FastDelivery();
        settings["Tickets:ServiceNow:Instance"] = sn.Url.ToString();
        settings["Tickets:ServiceNow:User"] = "steward.integration";
        settings["Tickets:ServiceNow:Password"] = password;
        return settings;
    }

    /// <summary>Polls until the condition holds (at most 20 s).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 20 s for {what}; last: {value}");
            await Task.Delay(50);
        }
    }

    public static Task<JsonObject> TicketAsync(HttpClient client, string id) => client.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{id}")!;

    public static async Task<JsonObject> IntakeTicketAsync(StewardTestServer server, HttpClient client, string name)
    {
        var system = await server.RegisterSystemAsync(name);
        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?system_id={system["id"]!.GetValue<string>()}"))!;
        return page["items"]![0]!.AsObject();
    }

    public static async Task<JsonObject> ManualTicketAsync(StewardTestServer server, HttpClient client, string name)
    {
        var system = await server.RegisterSystemAsync(name);
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { system_id = system["id"]!.GetValue<string>(), title = "Bias review follow-up", description = "Check group B\nthen report" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string? External(JsonObject ticket, string field) => ticket["external"]?[field]?.GetValue<string>();

    /// <summary>Captures every log line of the server from now on (all levels, with exceptions).</summary>
    public static LogCapture CaptureLogs(StewardTestServer server)
    {
        var capture = new LogCapture();
        server.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        return capture;
    }
}

/// <summary>A logger provider that keeps formatted messages and exceptions.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public string All => string.Join('\n', Lines);
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
