using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Cli.Tests.Infrastructure;

/// <summary>A request the stub received.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, byte[]? Body)
{
    public JsonObject Json => JsonNode.Parse(Encoding.UTF8.GetString(Body!))!.AsObject();
}
