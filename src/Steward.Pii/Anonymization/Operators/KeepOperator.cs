namespace Steward.Pii.Anonymization.Operators;

/// <summary><c>keep</c> (and <c>deanonymize_keep</c>): the text stays as it is; the entity is still reported.</summary>
internal sealed class KeepOperator(string name) : Operator
{
    public override string Name { get; } = name;

    public override string Apply(string text, string entityType, OperatorConfig config) => text;
}
