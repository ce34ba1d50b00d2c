namespace Steward.Drift.StatTests;

/// <summary>A test Evidently allows only for numerical columns.</summary>
internal abstract class NumericalStatTest : StatTest
{
    public override bool AllowsCategorical => false;
}
