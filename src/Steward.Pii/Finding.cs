namespace Steward.Pii;

/// <summary>
/// A surviving result as the dataset scanner keeps it: what the report and the redacted copy need (type, span,
/// score) without the result and explanation objects. Built by the engine's struct path, so a scanned cell's
/// findings cost no allocation of their own.
/// </summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Start">The first character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Score">The final score (context included).</param>
internal readonly record struct Finding(string EntityType, int Start, int End, double Score)
{
    /// <summary>The finding of a result object.</summary>
    public static Finding Of(RecognizerResult result) => new(result.EntityType, result.Start, result.End, result.Score);
}
