namespace Steward.Drift;

/// <summary>How a column's values are compared: as numbers or as categories.</summary>
public enum ColumnType
{
    /// <summary>Numbers: <c>num</c> in reports.</summary>
    Numerical,

    /// <summary>Categories (labels, or numbers treated as labels): <c>cat</c> in reports.</summary>
    Categorical,
}
