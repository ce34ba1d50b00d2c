namespace Steward.Client;

/// <summary>The authenticated identity that did something.</summary>
/// <param name="Id">The actor's id.</param>
/// <param name="Kind">person or service.</param>
public sealed record ActorRef(string Id, string Kind);
