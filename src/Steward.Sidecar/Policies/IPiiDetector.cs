namespace Steward.Sidecar.Policies;

/// <summary>
/// Finds personal data in text; behind the <c>steward.pii.find(text)</c> built-in that the policy library's PII
/// extension calls. Replace it (e.g. with a call to a PII service) by passing your own to <see cref="SidecarBuiltins.Create"/> or <see cref="SidecarOptions.PiiDetector"/>.
/// </summary>
public interface IPiiDetector
{
    /// <summary>Finds the kinds of personal data in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The kinds found, e.g. <c>email</c>, <c>credit_card</c>; empty when none.</returns>
    IReadOnlyCollection<string> Find(string text);
}
