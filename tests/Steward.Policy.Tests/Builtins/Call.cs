using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

/// <summary>Calls built-ins straight through the default registry, with JSON for arguments and results.</summary>
internal static class Call
{
    private static readonly BuiltinRegistry Registry = BuiltinRegistry.CreateDefault();

    public static BuiltinContext Context(TimeProvider? time = null) => new(time ?? TimeProvider.System, default);

    /// <summary>The result of a call as compact JSON, or null when undefined.</summary>
    public static string? Json(string name, params string[] jsonArgs) => Value(name, [.. jsonArgs.Select(a => ValueJson.Parse(a))])?.ToJson();

    public static Value? Value(string name, params Value[] args) => Value(Context(), name, args);

    public static Value? Value(BuiltinContext context, string name, params Value[] args)
    {
        Assert.True(Registry.TryGet(name, out var builtin), $"{name} is not registered");
        Assert.Equal(builtin.Arity, args.Length);
        return builtin.Function!(context, args);
    }

    /// <summary>The message of the built-in error a call raises.</summary>
    public static string Error(string name, params string[] jsonArgs) =>
        Assert.ThrowsAny<BuiltinException>(() => Json(name, jsonArgs)).Message;

    public static string TypeError(string name, params string[] jsonArgs) =>
        Assert.Throws<OperandTypeException>(() => Json(name, jsonArgs)).Message;

    public static StringValue S(string s) => new(s);

    public static string Str(string value) => new StringValue(value).ToJson();

    public static IEnumerable<Value> Relation(string name, params Value[] args)
    {
        Assert.True(Registry.TryGet(name, out var builtin));
        return builtin.Relation!(Context(), args);
    }
}
