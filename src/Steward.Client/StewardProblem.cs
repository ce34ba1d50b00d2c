namespace Steward.Client;

/// <summary>An RFC 7807 problem document sent by the server with every error.</summary>
/// <param name="Type">A URI reference that identifies the problem type.</param>
/// <param name="Title">A short summary of the problem type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">An explanation specific to this occurrence.</param>
/// <param name="Errors">For validation failures, the messages for each offending field.</param>
public sealed record StewardProblem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>Members beyond RFC 7807's (for example a refused gate's <c>unmet</c> list).</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public IDictionary<string, System.Text.Json.JsonElement>? Extensions { get; init; }
}
