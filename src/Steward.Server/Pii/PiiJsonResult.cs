using System.Text.Encodings.Web;
using System.Text.Json;

namespace Steward.Server.Pii;

/// <summary>A JSON answer written directly with a <see cref="Utf8JsonWriter"/>.</summary>
internal sealed class PiiJsonResult(Action<Utf8JsonWriter> write) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, Options);
        write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
