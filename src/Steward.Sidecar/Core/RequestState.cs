using Steward.Policy.Values;

namespace Steward.Sidecar.Core;

/// <summary>What is known of a request before its response: the <c>request</c> document, the model and the endpoint.</summary>
internal sealed record RequestState(ObjectValue Request, Value Model, string Endpoint, long StartedTimestamp)
{
    /// <summary>The request body as read (empty when there is none); the sidecar forwards it as it is.</summary>
    public byte[] Body { get; init; } = [];
}
