using Steward.Client;
using Steward.Pii;
using Steward.Pii.Anonymization;

namespace Steward.Cli.Commands.Pii;

/// <summary>Between the engine's types and the SDK's (Presidio-shaped) ones, so local and server runs print alike.</summary>
internal static class PiiConvert
{
    public static PiiEntity ToEntity(RecognizerResult r, bool explain) => new()
    {
        EntityType = r.EntityType,
        Start = r.Start,
        End = r.End,
        Score = Math.Round(r.Score, 6),
        AnalysisExplanation = explain ? new PiiAnalysisExplanation
        {
            Recognizer = r.Explanation.Recognizer,
            PatternName = r.Explanation.PatternName,
            Pattern = r.Explanation.Pattern,
            OriginalScore = r.Explanation.OriginalScore,
            Score = r.Explanation.Score,
            TextualExplanation = r.Explanation.TextualExplanation,
            ScoreContextImprovement = r.Explanation.ScoreContextImprovement,
            SupportiveContextWord = r.Explanation.SupportiveContextWord,
            ValidationResult = r.Explanation.ValidationResult,
        } : null,
    };

    public static OperatorConfig ToConfig(PiiOperator o) => new(o.Type)
    {
        NewValue = o.NewValue,
        MaskingChar = o.MaskingChar,
        CharsToMask = o.CharsToMask,
        FromEnd = o.FromEnd,
        HashType = o.HashType,
        Salt = o.Salt,
        Key = o.Key,
    };

    public static PiiAnonymizeResult ToResult(AnonymizerResult r) =>
        new(r.Text, [.. r.Items.Select(i => new PiiAnonymizedItem(i.Operator, i.EntityType, i.Start, i.End, i.Text))]);
}
