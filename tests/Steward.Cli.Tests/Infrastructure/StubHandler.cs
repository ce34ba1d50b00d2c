using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Client;

namespace Steward.Cli.Tests.Infrastructure;

/// <summary>An in-memory server: routes requests to canned answers and records what was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, Func<RecordedRequest, HttpResponseMessage> Answer)> _routes = [];

    public List<RecordedRequest> Requests { get; } = [];

    public StubHandler On(HttpMethod method, string path, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _routes.Add((method, path, answer));
        return this;
    }

    public StubHandler OnJson<T>(HttpMethod method, string path, T body, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, path, _ => Json(body, status));

    public StubHandler OnText(string path, string text) =>
        On(HttpMethod.Get, path, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text) });

    public static HttpResponseMessage Json<T>(T body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, StewardJson.Options), Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Problem(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/problem+json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        Requests.Add(recorded);
        var route = _routes.LastOrDefault(r => r.Method == request.Method && r.Path == request.RequestUri!.AbsolutePath);
        return route.Answer is null
            ? Problem(HttpStatusCode.NotFound, """{"title":"Not Found","status":404,"detail":"no stub for this path"}""")
            : route.Answer(recorded);
    }
}
