namespace Steward.Drift.Performance;

/// <summary>What a model predicts: classes or numbers.</summary>
public enum PerformanceTask
{
    /// <summary>Class labels (binary or multi-class): accuracy, precision, recall, F1, ROC AUC.</summary>
    Classification,

    /// <summary>Numbers: mean error, MAE, RMSE, R².</summary>
    Regression,
}
