namespace Steward.Drift.Profiles;

/// <summary>How a <see cref="ProfileBuilder"/> summarises columns.</summary>
public sealed record ProfileOptions
{
    /// <summary>Default of <see cref="ExactLimit"/>: 100,000 values per column.</summary>
    public const int DefaultExactLimit = 100_000;

    /// <summary>Default of <see cref="SketchK"/>.</summary>
    public const int DefaultSketchK = 1000;

    /// <summary>Default of <see cref="MaxCategories"/>.</summary>
    public const int DefaultMaxCategories = 10_000;

    /// <summary>Exact, sketch, or exact up to <see cref="ExactLimit"/> values per column (the default).</summary>
    public ProfileMode Mode { get; init; } = ProfileMode.Auto;

    /// <summary>In <see cref="ProfileMode.Auto"/>, the number of finite values per numeric column kept exactly before the column turns into a sketch.</summary>
    public int ExactLimit { get; init; } = DefaultExactLimit;

    /// <summary>The KLL sketch's accuracy parameter k (8 to 65,535): rank error at most about 2.5/k at every point (docs/DRIFT.md); about 3k values kept.</summary>
    public int SketchK { get; init; } = DefaultSketchK;

    /// <summary>Distinct labels counted exactly per column; further labels are counted together as "other" (docs/DRIFT.md).</summary>
    public int MaxCategories { get; init; } = DefaultMaxCategories;

    /// <summary>Throws <see cref="DriftException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode)) throw new DriftException($"unknown profile mode {Mode}");
        if (ExactLimit < 0) throw new DriftException("the exact limit must not be negative");
        if (SketchK is < 8 or > 65535) throw new DriftException("the sketch parameter k must be between 8 and 65535");
        if (MaxCategories < 1) throw new DriftException("the category cap must be at least 1");
    }
}
