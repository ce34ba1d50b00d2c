namespace Steward.Pii.Anonymization;

/// <summary>
/// A span of text to anonymize or deanonymize: Presidio's <c>analyzer_results</c> entry (<c>entity_type</c>,
/// <c>start</c>, <c>end</c>, <c>score</c>) or, for deanonymization, an item of an anonymization's answer.
/// Positions are UTF-16 indices into the text, <c>[Start, End)</c>.
/// </summary>
/// <param name="EntityType">The entity type, for example <c>PERSON</c>.</param>
/// <param name="Start">The first character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Score">The analyzer's confidence; decides same-position conflicts.</param>
public sealed record EntitySpan(string EntityType, int Start, int End, double Score = 1.0)
{
    /// <summary>The span of an analyzer result.</summary>
    public static EntitySpan From(RecognizerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EntitySpan(result.EntityType, result.Start, result.End, result.Score);
    }
}
