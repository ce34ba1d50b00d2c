namespace Steward.Governance.Events;

/// <summary>What an event or decision is about.</summary>
/// <param name="Kind">system, model, model_version, dataset, endpoint, policy, api_key, actor_key.</param>
/// <param name="Id">The subject's id.</param>
public sealed record Subject(string Kind, string Id);
