namespace Steward.Drift.StatTests;

/// <summary>A test Evidently allows only for categorical columns (its default choice still uses some of them on numerical columns with few values).</summary>
internal abstract class CategoricalStatTest : StatTest
{
    public override bool AllowsNumerical => false;
}
