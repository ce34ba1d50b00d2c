namespace Steward.Pii.Anonymization;

/// <summary>
/// One operation in an anonymization's answer (Presidio's <c>items</c> entry): the operator, the entity type and
/// where the new text stands in the OUTPUT text, <c>[Start, End)</c>.
/// </summary>
/// <param name="Operator">The operator applied.</param>
/// <param name="EntityType">The entity type.</param>
/// <param name="Start">The first character of the new text in the output.</param>
/// <param name="End">One past its last character.</param>
/// <param name="Text">The new text.</param>
public sealed record AnonymizedItem(string Operator, string EntityType, int Start, int End, string Text);
