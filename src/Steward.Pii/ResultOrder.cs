namespace Steward.Pii;

/// <summary>
/// The order of the engine's answer: by start, longer first, then higher score, then entity type, so results
/// on the same span come out in the same order every time.
/// </summary>
internal static class ResultOrder
{
    public static int Compare(RecognizerResult? a, RecognizerResult? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        return Compare(a.Start, a.End, a.Score, a.EntityType, b.Start, b.End, b.Score, b.EntityType);
    }

    public static int Compare(in PendingResult a, in PendingResult b) =>
        Compare(a.Start, a.End, a.Score, a.EntityType, b.Start, b.End, b.Score, b.EntityType);

    private static int Compare(int aStart, int aEnd, double aScore, string aType, int bStart, int bEnd, double bScore, string bType)
    {
        if (aStart != bStart) return aStart.CompareTo(bStart);
        if (aEnd != bEnd) return bEnd.CompareTo(aEnd);
        var c = bScore.CompareTo(aScore);
        return c != 0 ? c : string.CompareOrdinal(aType, bType);
    }
}
