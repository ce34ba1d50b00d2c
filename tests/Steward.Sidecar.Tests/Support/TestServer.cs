using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Steward.Sidecar.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port whose every request goes to one handler the test sets.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public int Requests => _requests;

    public Func<HttpContext, Task> Handler { get; set; } = c => c.Response.WriteAsync("no handler");

    private int _requests;

    public static async Task<TestServer> StartAsync(Func<HttpContext, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestServer? server = null;
        app.Run(context =>
        {
            Interlocked.Increment(ref server!._requests);
            return server.Handler(context);
        });
        await app.StartAsync();
        server = new TestServer(app, new Uri(app.Urls.First()));
        if (handler is not null) server.Handler = handler;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
