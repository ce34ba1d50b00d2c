namespace Steward.Pii.Anonymization.Operators;

/// <summary><c>replace</c>: the text becomes <c>new_value</c>, or <c>&lt;ENTITY_TYPE&gt;</c> when none is given.</summary>
internal sealed class ReplaceOperator : Operator
{
    public override string Name => OperatorNames.Replace;

    public override string Apply(string text, string entityType, OperatorConfig config) =>
        string.IsNullOrEmpty(config.NewValue) ? $"<{entityType}>" : config.NewValue;
}
