namespace Steward.Client;

/// <summary>The identity behind the credentials in use: <c>GET /api/v1/me</c>.</summary>
/// <param name="Id">The actor's id.</param>
/// <param name="Kind">person or service.</param>
/// <param name="Name">The display name, when the server has one.</param>
/// <param name="Roles">The roles granted.</param>
public sealed record Identity(string Id, string Kind, string? Name, IReadOnlyList<string> Roles);
