namespace Steward.Ledger.Notes;

/// <summary>Looks verifiers up by (name, key ID), like golang.org/x/mod/sumdb/note VerifierList.</summary>
internal sealed class NoteVerifierList
{
    private readonly Dictionary<(string Name, uint KeyId), List<NoteVerifier>> _byKey = [];

    public NoteVerifierList(IEnumerable<NoteVerifier> verifiers)
    {
        foreach (var verifier in verifiers)
        {
            var key = (verifier.Name, verifier.KeyId);
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }

            list.Add(verifier);
        }
    }

    /// <summary>Returns the single verifier for the key, or null when the key is unknown.</summary>
    /// <exception cref="NoteException">"ambiguous key NAME+HEX" when the key is listed more than once.</exception>
    public NoteVerifier? Find(string name, uint keyId)
    {
        if (!_byKey.TryGetValue((name, keyId), out var list))
        {
            return null;
        }

        return list.Count == 1 ? list[0] : throw new NoteException($"ambiguous key {NoteFormat.KeyLabel(name, keyId)}");
    }

    /// <summary>Like <see cref="Find"/>, but an unknown key is an error ("unknown key NAME+HEX").</summary>
    public NoteVerifier Get(string name, uint keyId) =>
        Find(name, keyId) ?? throw new NoteException($"unknown key {NoteFormat.KeyLabel(name, keyId)}");
}
