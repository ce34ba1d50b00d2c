using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>The answers of <c>rego.metadata.rule()</c> and <c>rego.metadata.chain()</c> for one rule, computed when first asked.</summary>
internal sealed class RuleMetadata(AnnotationSet annotations, Rule rule, string[] package)
{
    private Value? _chain;

    public Value Rule => annotations.RuleAnnotations(rule);

    public Value Chain => _chain ??= annotations.Chain(rule, package);
}
