namespace Steward.Probes.Classifier;

/// <summary>A perturbation that changed the predicted label.</summary>
/// <param name="Seed">Index of the seed input.</param>
/// <param name="Field">JSON path of the changed field.</param>
/// <param name="Kind">The perturbation.</param>
/// <param name="Original">The field before (PII redacted, shortened).</param>
/// <param name="Perturbed">The field after (PII redacted, shortened).</param>
/// <param name="LabelBefore">The prediction on the seed.</param>
/// <param name="LabelAfter">The prediction on the perturbed input.</param>
public sealed record Flip(int Seed, string Field, string Kind, string Original, string Perturbed, string LabelBefore, string LabelAfter);

/// <summary>The outcome of a classifier robustness run.</summary>
/// <param name="Summary">Requests, errors, time.</param>
/// <param name="Seeds">Seed inputs given.</param>
/// <param name="SeedsProbed">Seeds whose baseline prediction was obtained.</param>
/// <param name="Tried">Perturbed inputs that got an answer.</param>
/// <param name="Flips">The perturbations that changed the prediction.</param>
/// <param name="Finding">The robustness finding, when anything flipped.</param>
public sealed record ClassifierReport(ProbeSummary Summary, int Seeds, int SeedsProbed, int Tried, IReadOnlyList<Flip> Flips, ProposedFinding? Finding)
{
    /// <summary>Flips per answered perturbation (0 when none was answered).</summary>
    public double FlipRate => Tried == 0 ? 0 : (double)Flips.Count / Tried;
}
