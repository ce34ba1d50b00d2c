using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Steward.Server.Tests.Tickets;

/// <summary>
/// Jira Cloud REST API v3 as documented: basic auth with email:API token; create issue (project, issuetype, summary
/// required; description must be an Atlassian Document), JQL search, issue links, transitions, issue status; errors as
/// <c>{"errorMessages": [...], "errors": {...}}</c>.
/// </summary>
public sealed partial class FakeJira(string email, string token, int? port = null) : FakeTracker(port)
{
    public sealed record Issue(string Id, string Key, string Summary, JsonArray Labels)
    {
        public string Status { get; set; } = "To Do";
        public string Category { get; set; } = "new";
        public List<(string Type, string Inward, string Outward)> Links { get; } = [];
    }

    private static readonly (string Id, string Name, string Status, string Category)[] Transitions =
        [("11", "To Do", "To Do", "new"), ("21", "Start Progress", "In Progress", "indeterminate"), ("31", "Done", "Done", "done")];

    public ConcurrentDictionary<string, Issue> Issues { get; } = new();
    private int _next;

    /// <summary>The issue other tickets block (e.g. a release epic).</summary>
    public void AddExisting(string key) => Issues[key] = new Issue("9999", key, "Release 1.0", []);

    public void SetStatus(string key, string status, string category)
    {
        Issues[key].Status = status;
        Issues[key].Category = category;
    }

    protected override bool Authorized(string authorization) => authorization == Basic(email, token);

    protected override JsonNode Unauthorized() => new JsonObject { ["errorMessages"] = new JsonArray("Client must be authenticated to access this resource."), ["errors"] = new JsonObject() };

    protected override JsonNode Error(string message) => new JsonObject { ["errorMessages"] = new JsonArray(message), ["errors"] = new JsonObject() };

    private static JsonObject FieldErrors(params (string Field, string Message)[] errors)
    {
        var map = new JsonObject();
        foreach (var (f, m) in errors) map[f] = m;
        return new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = map };
    }

    private static (int, JsonNode?) NotFound() =>
        (404, new JsonObject { ["errorMessages"] = new JsonArray("Issue does not exist or you do not have permission to see it."), ["errors"] = new JsonObject() });

    protected override (int Status, JsonNode? Body) Handle(string method, string path, IQueryCollection query, JsonNode? body)
    {
        if (method == "POST" && path == "/rest/api/3/issue") return Create(body);
        if (method == "POST" && path == "/rest/api/3/search/jql") return Search(body);
        if (method == "POST" && path == "/rest/api/3/issueLink") return Link(body);
        var match = IssuePath().Match(path);
        if (!match.Success) return (404, Error($"No resource at {path}"));
        if (!Issues.TryGetValue(match.Groups[1].Value, out var issue)) return NotFound();
        var transitions = match.Groups[2].Success;
        if (method == "GET" && !transitions)
        {
            var fields = new JsonObject();
            var wanted = query["fields"].ToString();
            if (wanted.Contains("status", StringComparison.Ordinal)) fields["status"] = StatusJson(issue.Status, issue.Category);
            if (wanted.Contains("issuelinks", StringComparison.Ordinal))
                fields["issuelinks"] = new JsonArray(issue.Links.Select(l => (JsonNode)new JsonObject
                {
                    ["type"] = new JsonObject { ["name"] = l.Type },
                    ["outwardIssue"] = new JsonObject { ["key"] = l.Outward },
                }).ToArray());
            return (200, new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["fields"] = fields });
        }
        if (method == "GET")
            return (200, new JsonObject
            {
                ["transitions"] = new JsonArray(Transitions.Select(t => (JsonNode)new JsonObject
                {
                    ["id"] = t.Id, ["name"] = t.Name, ["to"] = StatusJson(t.Status, t.Category),
                }).ToArray()),
            });
        if (method == "POST")
        {
            var id = body?["transition"]?["id"]?.GetValue<string>();
            var transition = Transitions.FirstOrDefault(t => t.Id == id);
            if (transition.Id is null) return (400, FieldErrors(("transition", "Transition id is not valid for this issue.")));
            SetStatus(issue.Key, transition.Status, transition.Category);
            return (204, null);
        }
        return (405, Error("Method not allowed"));
    }

    private (int, JsonNode?) Create(JsonNode? body)
    {
        var fields = body?["fields"] as JsonObject;
        if (fields is null) return (400, Error("Request must contain 'fields'"));
        var errors = new List<(string, string)>();
        if (fields["project"]?["key"]?.GetValue<string>() != "GOV") errors.Add(("project", "Specify a valid project ID or key"));
        if (string.IsNullOrWhiteSpace(fields["issuetype"]?["name"]?.GetValue<string>())) errors.Add(("issuetype", "Specify an issue type"));
        var summary = fields["summary"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(summary)) errors.Add(("summary", "You must specify a summary of the issue."));
        if (fields["description"] is { } d && (d["type"]?.GetValue<string>() != "doc" || d["version"]?.GetValue<int>() != 1 || d["content"] is not JsonArray))
            errors.Add(("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)"));
        if (errors.Count > 0) return (400, FieldErrors(errors.ToArray()));
        var n = Interlocked.Increment(ref _next);
        var issue = new Issue((10000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), $"GOV-{n}", summary!,
            (JsonArray?)fields["labels"]?.DeepClone() ?? []);
        Issues[issue.Key] = issue;
        return (201, new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = $"{Url}rest/api/3/issue/{issue.Id}" });
    }

    private (int, JsonNode?) Search(JsonNode? body)
    {
        var jql = body?["jql"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(jql)) return (400, Error("The JQL query is required."));
        var label = LabelClause().Match(jql);
        var found = Issues.Values.Where(i => label.Success && i.Labels.Any(l => l?.GetValue<string>() == label.Groups[1].Value))
            .Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["key"] = i.Key, ["fields"] = new JsonObject { ["status"] = StatusJson(i.Status, i.Category) } });
        return (200, new JsonObject { ["issues"] = new JsonArray(found.ToArray()) });
    }

    private (int, JsonNode?) Link(JsonNode? body)
    {
        var type = body?["type"]?["name"]?.GetValue<string>();
        var inward = body?["inwardIssue"]?["key"]?.GetValue<string>();
        var outward = body?["outwardIssue"]?["key"]?.GetValue<string>();
        if (type is null || inward is null || outward is null) return (400, Error("Link type, inward and outward issue are required."));
        if (type != "Blocks") return (404, Error($"No issue link type with name '{type}' found."));
        if (!Issues.TryGetValue(inward, out var issue) || !Issues.ContainsKey(outward)) return NotFound();
        issue.Links.Add((type, inward, outward));
        return (201, null);
    }

    private static JsonObject StatusJson(string name, string category) =>
        new() { ["name"] = name, ["statusCategory"] = new JsonObject { ["key"] = category } };

    [GeneratedRegex("^/rest/api/3/issue/([A-Z]+-[0-9]+)(/transitions)?$")]
    private static partial Regex IssuePath();

    [GeneratedRegex("labels = \"([^\"]+)\"")]
    private static partial Regex LabelClause();
}
