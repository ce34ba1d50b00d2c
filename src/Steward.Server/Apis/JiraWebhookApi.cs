using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Tickets;
using Steward.Server.Tickets;

namespace Steward.Server.Apis;

/// <summary>
/// Jira's admin webhook (<c>jira:issue_updated</c>, <c>jira:issue_created</c>): the status of mirrored issues flows back.
/// No API key: Jira signs the raw body with the shared secret (HMAC-SHA256, header <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>),
/// and anything unsigned or signed with another secret is refused (401). Off (401) while no secret is configured.
/// </summary>
internal static class JiraWebhookApi
{
    private const int MaxBody = 1 << 20;

    public static void MapJiraWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/integrations/jira/webhook", Receive).AllowAnonymous().WithTags("Tickets")
            .WithName("JiraWebhook").WithSummary("Jira webhook (signed with the shared secret): syncs issue status back to tickets")
            .ProducesProblem(401).ProducesValidationProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Receive(HttpContext context, JiraWebhookSecret secret, TicketSyncStore sync)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBody) throw new ValidationFailedException("body", "is too large");
        var body = buffer.ToArray();
        if (secret.Value is null || !Verify(secret.Value, body, context.Request.Headers["X-Hub-Signature"].ToString()))
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized",
                detail: "the webhook must carry X-Hub-Signature: sha256=<HMAC-SHA256 of the body with the configured secret>");

        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(body) as JsonObject ?? throw new ValidationFailedException("body", "must be a JSON object");
        }
        catch (JsonException)
        {
            throw new ValidationFailedException("body", "malformed JSON");
        }
        var issue = payload["issue"] as JsonObject;
        var key = issue?["key"]?.GetValue<string>();
        var status = issue?["fields"]?["status"];
        var name = status?["name"]?.GetValue<string>();
        var category = status?["statusCategory"]?["key"]?.GetValue<string>();
        // Events without an issue status (comments, deletions, other projects' events) are acknowledged and ignored.
        if (key is null || name is null || category is null) return TypedResults.NoContent();
        await sync.ApplyJiraStatusAsync(key, name, category, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static bool Verify(string secret, byte[] body, string header)
    {
        const string Prefix = "sha256=";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try { given = Convert.FromHexString(header.AsSpan(Prefix.Length)); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
