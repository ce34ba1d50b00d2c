namespace Steward.Ledger.Notes;

/// <summary>A parsed signed note.</summary>
/// <param name="Text">The note text, ending in a newline; these are the signed bytes.</param>
/// <param name="Verified">Signatures verified by a known key, in note order, duplicates dropped.</param>
/// <param name="Unverified">Signatures by keys that are not known, in note order, identical lines dropped.</param>
public sealed record OpenedNote(string Text, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);
