using System.Text.Encodings.Web;
using System.Text.Json;

namespace Steward.Server.Policies;

/// <summary>A JSON answer written directly (Rego values are not .NET objects the serializer knows).</summary>
internal sealed class OpaJsonResult(Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, Options);
        write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary><c>{}</c>.</summary>
    public static OpaJsonResult Empty { get; } = new(w =>
    {
        w.WriteStartObject();
        w.WriteEndObject();
    });
}
