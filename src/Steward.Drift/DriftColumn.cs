namespace Steward.Drift;

/// <summary>
/// One column of a dataset, stored as an array: numbers (NaN or ±infinity for missing) or labels
/// (<see langword="null"/> for missing). A numeric column may still be compared as categories.
/// </summary>
public sealed class DriftColumn
{
    private DriftColumn(string name, double[]? numbers, string?[]? labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Numbers = numbers;
        Labels = labels;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The values when the column holds numbers; otherwise <see langword="null"/>.</summary>
    public double[]? Numbers { get; }

    /// <summary>The values when the column holds labels; otherwise <see langword="null"/>.</summary>
    public string?[]? Labels { get; }

    /// <summary>Number of rows, missing values included.</summary>
    public int Length => Numbers?.Length ?? Labels!.Length;

    /// <summary>A column of numbers.</summary>
    public static DriftColumn FromNumbers(string name, double[] values) =>
        new(name, values ?? throw new ArgumentNullException(nameof(values)), null);

    /// <summary>A column of labels.</summary>
    public static DriftColumn FromLabels(string name, string?[] values) =>
        new(name, null, values ?? throw new ArgumentNullException(nameof(values)));
}
