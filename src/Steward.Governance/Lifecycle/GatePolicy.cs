using System.Reflection;

namespace Steward.Governance.Lifecycle;

/// <summary>The shipped gate policy (<c>policies/gates/gates.rego</c>) and where gates read their decision.</summary>
public static class GatePolicy
{
    /// <summary>The id under which the default gate module is stored (a policy module like any other).</summary>
    public const string ModuleId = "steward/gates.rego";

    /// <summary>The document a gate evaluates: a set of <c>{"rule", "message"}</c> objects.</summary>
    public static readonly string[] UnmetPath = ["steward", "gates", "unmet"];

    /// <summary>The Rego text of the shipped gate policy.</summary>
    public static string DefaultText { get; } = Load();

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Steward.Governance.Lifecycle.gates.rego")
            ?? throw new InvalidOperationException("the gate policy resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
