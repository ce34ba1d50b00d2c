using System.Text.Json.Nodes;

namespace Steward.Probes.Classifier;

/// <summary>One small change to one field of a seed input.</summary>
/// <param name="Field">JSON path of the field changed.</param>
/// <param name="Kind">swap, typo, case, whitespace, punctuation, homoglyph, or jitter±N%.</param>
/// <param name="Original">The field's value before.</param>
/// <param name="Perturbed">The field's value after.</param>
/// <param name="Input">The whole seed with the change applied.</param>
public sealed record Perturbation(string Field, string Kind, string Original, string Perturbed, JsonNode Input);
