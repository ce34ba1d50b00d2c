namespace Steward.Policy.Builtins;

/// <summary>OPA's core built-in library, one class per category.</summary>
internal static class CoreLibrary
{
    public static void RegisterAll(BuiltinRegistry registry)
    {
        Operators.Register(registry);
    }
}
