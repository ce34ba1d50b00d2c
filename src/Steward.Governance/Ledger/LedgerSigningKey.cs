using Steward.Ledger.Notes;

namespace Steward.Governance.Ledger;

/// <summary>The ledger's Ed25519 checkpoint key, kept in the data directory (private part mode 0600).</summary>
public static class LedgerSigningKey
{
    /// <summary>File of the private key (C2SP/Go note signer key format).</summary>
    public const string PrivateFile = "ledger-signing.key";

    /// <summary>File of the verifier key (<c>name+hex+base64</c>).</summary>
    public const string VerifierFile = "ledger.vkey";

    /// <summary>Loads the key, or creates it on first start.</summary>
    /// <exception cref="InvalidOperationException">The stored key was made for another origin.</exception>
    public static NoteSigner LoadOrCreate(string dataDirectory, string origin)
    {
        var path = Path.Combine(dataDirectory, PrivateFile);
        if (File.Exists(path))
        {
            var signer = NoteSigner.FromSkey(File.ReadAllText(path).Trim());
            if (signer.Name != origin)
                throw new InvalidOperationException(
                    $"the ledger signing key in {path} is for origin '{signer.Name}', but the configured origin is '{origin}'; " +
                    "set Ledger:Origin (or --origin) to the key's origin");
            WriteVerifier(dataDirectory, signer);
            return signer;
        }
        // Several processes may start at once on one data directory: write the key aside and move it into
        // place without overwriting, so exactly one key wins and everyone uses that one.
        var created = NoteSigner.Generate(origin);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        SecretFile.Write(temporary, created.ToSkey() + "\n");
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return LoadOrCreate(dataDirectory, origin);
        }
        WriteVerifier(dataDirectory, created);
        return created;
    }

    /// <summary>Reads the verifier key written next to the private key.</summary>
    public static NoteVerifier ReadVerifier(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, VerifierFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no ledger verifier key at {path}", path);
        return NoteVerifier.Parse(File.ReadAllText(path).Trim());
    }

    private static void WriteVerifier(string dataDirectory, NoteSigner signer)
    {
        var path = Path.Combine(dataDirectory, VerifierFile);
        var text = signer.VerifierKey + "\n";
        if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
    }
}
