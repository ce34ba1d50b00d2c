using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Ledger.Notes;

namespace Steward.Cli.Commands.Ledger;

/// <summary>Obtains verifier keys and opens signed checkpoints, turning failures into clear messages.</summary>
internal static class SignedCheckpoints
{
    /// <summary>The pinned key (text or a file holding it), or the server's key when none is pinned.</summary>
    public static async Task<(NoteVerifier Key, bool Pinned)> KeyAsync(
        string? pinned, StewardClient client, CancellationToken cancellationToken)
    {
        if (pinned is not null)
        {
            var text = File.Exists(pinned) ? await File.ReadAllTextAsync(pinned, cancellationToken) : pinned;
            return (ParseKey(text.Trim(), "--key"), true);
        }

        return (ParseKey(await client.Ledger.GetVerifierKeyAsync(cancellationToken), "the server"), false);
    }

    public static NoteVerifier ParseKey(string verifierKey, string source)
    {
        try
        {
            return NoteVerifier.Parse(verifierKey);
        }
        catch (FormatException ex)
        {
            throw new CliException($"the verifier key from {source} is not a valid note verifier key: {ex.Message}", ex);
        }
    }

    /// <summary>Verifies the signature of a checkpoint with the log key and parses it.</summary>
    public static Checkpoint Open(string signedNote, NoteVerifier key, string source)
    {
        try
        {
            return Checkpoint.Open(signedNote, key, key.Name);
        }
        catch (Exception ex) when (ex is NoteException or FormatException)
        {
            throw new CliException($"the checkpoint from {source} does not verify with the log key {key.Name}: {ex.Message}", ex);
        }
    }
}
