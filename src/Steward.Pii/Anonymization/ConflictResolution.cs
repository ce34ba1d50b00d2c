namespace Steward.Pii.Anonymization;

/// <summary>How overlapping spans are resolved before operating (Presidio's <c>ConflictResolutionStrategy</c>).</summary>
public enum ConflictResolution
{
    /// <summary>
    /// Presidio's default: overlapping spans of the same type are merged, a span contained in another (or at the
    /// same position with a lower or equal score) is dropped; partial overlaps of different types both stay.
    /// </summary>
    MergeSimilarOrContained,

    /// <summary>As <see cref="MergeSimilarOrContained"/>, then partial overlaps are trimmed: the higher score keeps the shared characters.</summary>
    RemoveIntersections,
}
