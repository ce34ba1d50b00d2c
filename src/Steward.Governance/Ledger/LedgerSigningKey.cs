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
        // Several processes (or threads) may start at once on one data directory. File.Move without overwrite is
        // not atomic on every file system (.NET falls back to "check, then rename" where hard links fail), so the
        // one that may install a key is chosen by creating a claim file exclusively (O_CREAT|O_EXCL); the others wait
        // for its key. The key itself is written aside and renamed into place, so no one reads half a key.
        var claimPath = path + ".claim";
        FileStream claim;
        try
        {
            claim = new FileStream(claimPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException) when (File.Exists(claimPath) || File.Exists(path))
        {
            WaitForKey(path, claimPath);
            return LoadOrCreate(dataDirectory, origin);
        }

        using (claim)
        {
            try
            {
                if (File.Exists(path)) return LoadOrCreate(dataDirectory, origin); // installed while this one was starting
                var created = NoteSigner.Generate(origin);
                var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
                SecretFile.Write(temporary, created.ToSkey() + "\n");
                File.Move(temporary, path, overwrite: false);
                WriteVerifier(dataDirectory, created);
                return created;
            }
            finally
            {
                File.Delete(claimPath);
            }
        }
    }

    /// <summary>
    /// Waits until the claim's holder has installed the key (or given up). A claim older than 30 s with no key is
    /// left by a process that died: it is removed so that this start can claim again.
    /// </summary>
    private static void WaitForKey(string path, string claimPath)
    {
        var time = TimeProvider.System;
        var started = time.GetUtcNow();
        while (!File.Exists(path) && File.Exists(claimPath))
        {
            var now = time.GetUtcNow();
            if (now - started > TimeSpan.FromSeconds(30) || now.UtcDateTime - File.GetLastWriteTimeUtc(claimPath) > TimeSpan.FromSeconds(30))
            {
                File.Delete(claimPath);
                return;
            }

            Thread.Sleep(10);
        }
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
