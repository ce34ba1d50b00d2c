using Steward.Pii;
using Steward.Pii.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Sidecar.Policies;

/// <summary>The built-ins the sidecar adds to OPA's core library.</summary>
public static class SidecarBuiltins
{
    /// <summary>The PII hook: <c>steward.pii.find(text)</c> returns the set of kinds of personal data in <c>text</c>.</summary>
    public const string PiiFind = "steward.pii.find";

    /// <summary>
    /// Creates OPA's core library plus <c>steward.pii.find</c> backed by a detector, and the analyzer's
    /// <c>pii.analyze(text)</c> and <c>pii.contains(text, entities)</c> (see <see cref="PiiBuiltins"/>).
    /// </summary>
    /// <param name="detector">The detector, or null for <see cref="RegexPiiDetector"/>.</param>
    /// <param name="analyzer">The PII analyzer, or null for one with the default recognizers.</param>
    /// <returns>The registry.</returns>
    public static BuiltinRegistry Create(IPiiDetector? detector = null, AnalyzerEngine? analyzer = null)
    {
        detector ??= new RegexPiiDetector();
        var registry = PiiBuiltins.CreateRegistry(analyzer ?? AnalyzerEngine.CreateDefault());
        registry.Register(PiiFind, 1, (_, args) => args[0] is StringValue s
            ? SetValue.From(detector.Find(s.Value).Select(k => (Value)new StringValue(k)))
            : throw new OperandTypeException(1, "string", args[0]));
        return registry;
    }
}
