using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Pii.Policy;

/// <summary>
/// Rego built-ins backed by the PII analyzer, for policies the server and the sidecar evaluate:
/// <list type="bullet">
/// <item><c>pii.analyze(text)</c>: the results as an array of <c>{"entity_type", "start", "end", "score"}</c>
/// objects (UTF-16 offsets), ordered by position;</item>
/// <item><c>pii.contains(text, entities)</c>: true when the text holds an entity of one of <c>entities</c>
/// (an array or set of type names; empty means any type).</item>
/// </list>
/// A non-string text is a type error; an unknown entity type is a built-in error naming the supported ones.
/// </summary>
public static class PiiBuiltins
{
    /// <summary>The name of <c>pii.analyze</c>.</summary>
    public const string Analyze = "pii.analyze";

    /// <summary>The name of <c>pii.contains</c>.</summary>
    public const string Contains = "pii.contains";

    /// <summary>Registers both built-ins into <paramref name="registry"/>, backed by <paramref name="engine"/>.</summary>
    public static BuiltinRegistry Register(BuiltinRegistry registry, AnalyzerEngine engine)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(engine);
        registry.Register(Analyze, 1, (_, args) =>
        {
            var results = Run(engine, Text(args[0]), null);
            return ArrayValue.From(results.Select(ToValue));
        });
        registry.Register(Contains, 2, (_, args) =>
        {
            var text = Text(args[0]);
            var entities = Entities(args[1]);
            return Run(engine, text, entities.Count == 0 ? null : entities).Count > 0 ? BooleanValue.True : BooleanValue.False;
        });
        return registry;
    }

    /// <summary>OPA's core built-ins plus the PII ones.</summary>
    public static BuiltinRegistry CreateRegistry(AnalyzerEngine engine) => Register(BuiltinRegistry.CreateDefault(), engine);

    private static List<RecognizerResult> Run(AnalyzerEngine engine, string text, IReadOnlyCollection<string>? entities)
    {
        try
        {
            return engine.Analyze(text, new AnalyzeOptions { Entities = entities });
        }
        catch (PiiRequestException e)
        {
            throw new BuiltinException(e.Message);
        }
    }

    private static string Text(Value value) => value is StringValue s ? s.Value : throw new OperandTypeException(1, "string", value);

    private static List<string> Entities(Value value)
    {
        var items = value switch
        {
            ArrayValue a => a.Items.ToArray(),
            SetValue s => s.Items.ToArray(),
            _ => throw new OperandTypeException(2, "array or set of strings", value),
        };
        return [.. items.Select(v => v is StringValue s ? s.Value : throw new OperandTypeException(2, "array or set of strings", value))];
    }

    private static ObjectValue ToValue(RecognizerResult r) => ObjectValue.From(new KeyValuePair<string, Value>[]
    {
        new("entity_type", new StringValue(r.EntityType)),
        new("start", NumberValue.Of(r.Start)),
        new("end", NumberValue.Of(r.End)),
        new("score", NumberValue.Of(Math.Round(r.Score, 6))),
    });
}
