namespace Steward.Pii.Evaluation;

/// <summary>The outcome of an evaluation: measures per entity type and overall (micro-averaged).</summary>
public sealed class EvaluationReport
{
    /// <summary>Samples read.</summary>
    public required int Samples { get; init; }

    /// <summary>Characters analysed.</summary>
    public required long Characters { get; init; }

    /// <summary>Time spent in the analyzer.</summary>
    public required TimeSpan AnalysisTime { get; init; }

    /// <summary>The F-score's beta.</summary>
    public required double Beta { get; init; }

    /// <summary>Per scored entity type, sorted by name.</summary>
    public required IReadOnlyDictionary<string, EntityScore> PerEntity { get; init; }

    /// <summary>All scored types together.</summary>
    public required EntityScore Overall { get; init; }

    /// <summary>Labels in the data that were not scored (the analyzer does not report them, or they were filtered out), with their span counts.</summary>
    public required IReadOnlyDictionary<string, int> NotScored { get; init; }

    /// <summary>Examples of mistakes, when asked for.</summary>
    public required IReadOnlyList<EvaluationError> Errors { get; init; }
}
