namespace Steward.Server.Policies;

/// <summary>Wires policy evaluation into the server.</summary>
internal static class PolicyServiceExtensions
{
    public static void AddStewardPolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PolicyOptions>().BindConfiguration("Policy").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PolicyService>();
    }
}
