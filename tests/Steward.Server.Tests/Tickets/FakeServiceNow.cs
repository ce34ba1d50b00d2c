using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Steward.Server.Tests.Tickets;

/// <summary>
/// The ServiceNow Table API as documented: basic auth; <c>/api/now/table/{table}</c> (GET with sysparm_query, POST) and
/// <c>/api/now/table/{table}/{sys_id}</c> (GET, PATCH); answers <c>{"result": ...}</c>, errors
/// <c>{"error": {"message", "detail"}, "status": "failure"}</c>.
/// </summary>
public sealed class FakeServiceNow(string user, string password, int? port = null) : FakeTracker(port)
{
    public ConcurrentDictionary<string, JsonObject> Records { get; } = new();
    private int _next;

    protected override bool Authorized(string authorization) => authorization == Basic(user, password);

    protected override JsonNode Unauthorized() => Failure("User Not Authenticated", "Required to provide Auth information");

    protected override JsonNode Error(string message) => Failure(message, null);

    private static JsonObject Failure(string message, string? detail) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["detail"] = detail }, ["status"] = "failure" };

    protected override (int Status, JsonNode? Body) Handle(string method, string path, IQueryCollection query, JsonNode? body)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || parts[0] != "api" || parts[1] != "now" || parts[2] != "table") return (400, Failure("Requested URI does not represent any resource", null));
        if (parts[3] != "incident") return (400, Failure($"Invalid table {parts[3]}", null));
        if (parts.Length == 4 && method == "GET")
        {
            var q = query["sysparm_query"].ToString();
            var found = Records.Values.Where(r => q.StartsWith("correlation_id=", StringComparison.Ordinal) && r["correlation_id"]?.GetValue<string>() == q["correlation_id=".Length..]);
            return (200, new JsonObject { ["result"] = new JsonArray(found.Select(r => (JsonNode)r.DeepClone()).ToArray()) });
        }
        if (parts.Length == 4 && method == "POST")
        {
            if (body is not JsonObject record || string.IsNullOrWhiteSpace(record["short_description"]?.GetValue<string>()))
                return (400, Failure("Mandatory field missing", "short_description is mandatory"));
            var n = Interlocked.Increment(ref _next);
            var copy = (JsonObject)record.DeepClone();
            copy["sys_id"] = Guid.NewGuid().ToString("N");
            copy["number"] = $"INC{10000 + n:0000000}";
            Records[copy["sys_id"]!.GetValue<string>()] = copy;
            return (201, new JsonObject { ["result"] = copy.DeepClone() });
        }
        if (parts.Length == 5 && Records.TryGetValue(parts[4], out var existing))
        {
            if (method == "GET") return (200, new JsonObject { ["result"] = existing.DeepClone() });
            if (method == "PATCH" && body is JsonObject change)
            {
                foreach (var (k, v) in change) existing[k] = v?.DeepClone();
                return (200, new JsonObject { ["result"] = existing.DeepClone() });
            }
            return (405, Failure("Method not Supported", null));
        }
        return (404, Failure("No Record found", "Record doesn't exist or ACL restricts the record retrieval"));
    }
}
