using System.Net;
using System.Text;

namespace Steward.Client.Tests;

/// <summary>Answers every request with the next canned response and records the requests.</summary>
internal sealed class FakeServer(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    public static Func<HttpRequestMessage, HttpResponseMessage> Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public StewardClient Client(string baseAddress = "http://steward.test") =>
        new(new Uri(baseAddress), "stw_key", new HttpClient(this));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        return answers[Math.Min(_next++, answers.Length - 1)](request);
    }
}
