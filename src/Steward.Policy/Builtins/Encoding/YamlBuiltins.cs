using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>yaml.marshal, yaml.unmarshal, yaml.is_valid with go-yaml v2's (YAML 1.1) scalar resolution.</summary>
internal static class YamlBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("yaml.marshal", 1, (_, a) => new StringValue(YamlEmitter.Emit(a[0])));
        r.Register("yaml.unmarshal", 1, (_, a) => Unmarshal(Operand.String(a, 0)));
        r.Register("yaml.is_valid", 1, (_, a) => BooleanValue.Of(a[0] is StringValue s && IsValid(s.Value)));
    }

    private static Value Unmarshal(string text)
    {
        try
        {
            return ValueYaml.Parse(text) ?? NullValue.Instance;
        }
        catch (FormatException e)
        {
            throw new BuiltinException(e.Message);
        }
    }

    private static bool IsValid(string text)
    {
        try
        {
            ValueYaml.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
