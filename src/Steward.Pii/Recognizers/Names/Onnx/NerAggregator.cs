namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Turns per-token label probabilities into entity spans, as Hugging Face's token-classification pipeline does:
/// each unit (a word for <see cref="NerAggregation.First"/>, a token for <see cref="NerAggregation.Simple"/>) takes its
/// most probable label; consecutive units of the same type join unless a unit's tag begins a new entity
/// (<c>B-</c>); outside and unknown labels end an entity. A span's score is the mean probability of its units' labels.
/// </summary>
internal static class NerAggregator
{
    /// <summary>The spans of <paramref name="pieces"/>, whose most probable labels are <paramref name="best"/> with <paramref name="probabilities"/>.</summary>
    public static List<NerSpan> Aggregate(NerLabelSet labels, IReadOnlyList<NerWord> words, List<SubwordPiece> pieces, int[] best, float[] probabilities, NerAggregation aggregation)
    {
        var spans = new List<NerSpan>();
        string? type = null;
        int start = 0, end = 0, units = 0;
        double sum = 0;
        for (var p = 0; p < pieces.Count; p++)
        {
            var piece = pieces[p];
            var first = p == 0 || pieces[p - 1].Word != piece.Word;
            if (aggregation == NerAggregation.First && !first) continue;
            var tag = labels.Tags[best[p]];
            var score = probabilities[p];
            var (unitStart, unitEnd) = aggregation == NerAggregation.First ? (words[piece.Word].Start, words[piece.Word].End) : (piece.Start, piece.End);
            if (tag.EntityType is not null && tag.EntityType == type && !tag.Begins)
            {
                end = unitEnd;
                sum += score;
                units++;
                continue;
            }
            if (type is not null) spans.Add(new NerSpan(type, start, end, sum / units));
            type = tag.EntityType;
            (start, end, sum, units) = (unitStart, unitEnd, score, 1);
        }
        if (type is not null) spans.Add(new NerSpan(type, start, end, sum / units));
        return spans;
    }
}
