namespace Steward.Pii.Anonymization.Operators;

/// <summary><c>redact</c>: the text is removed.</summary>
internal sealed class RedactOperator : Operator
{
    public override string Name => OperatorNames.Redact;

    public override string Apply(string text, string entityType, OperatorConfig config) => "";
}
