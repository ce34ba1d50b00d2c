namespace Steward.Governance.Events;

/// <summary>Who did something: a person or a service, as authenticated.</summary>
/// <param name="Id">Stable identifier (API key name, or the OIDC subject).</param>
/// <param name="Kind"><c>person</c> or <c>service</c>.</param>
public sealed record Actor(string Id, string Kind)
{
    /// <summary>The platform itself (bootstrap, background jobs).</summary>
    public static Actor System { get; } = new("steward", "service");
}
