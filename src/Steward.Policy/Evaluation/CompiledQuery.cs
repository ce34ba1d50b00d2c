namespace Steward.Policy.Evaluation;

/// <summary>A query in evaluation form.</summary>
internal sealed class CompiledQuery
{
}
