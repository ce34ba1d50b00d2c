using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Cli.Commands.Ledger;

/// <summary>
/// <c>steward ledger anchor --git DIR</c>: commits the server's signed checkpoint to a git repository after
/// proving it extends the checkpoint anchored last; a log that was rewritten is refused.
/// </summary>
internal static class AnchorCommand
{
    public static Command Create(CliContext context)
    {
        var git = new Option<string>("--git") { Description = "Git repository to anchor in (created if missing)", HelpName = "DIR", Required = true };
        var key = new Option<string?>("--key") { Description = "Verifier key to pin (text or file; default: the key pinned in DIR, else the server's)", HelpName = "VKEY" };
        var command = new Command("anchor", "Anchor the current signed checkpoint in a git repository") { git, key };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var repository = new AnchorRepository(parseResult.GetRequiredValue(git));
            using var client = connection.CreateClient(parseResult);
            var logKey = await LogKeyAsync(repository, parseResult.GetValue(key), client, cancellationToken);
            var note = await client.Ledger.GetCheckpointAsync(cancellationToken);
            var current = SignedCheckpoints.Open(note, logKey, "the server");

            if (repository.ReadLatest() is { } anchoredNote)
            {
                var anchored = SignedCheckpoints.Open(anchoredNote, logKey, Path.Combine(repository.Directory, AnchorRepository.CheckpointFile));
                await CheckExtendsAsync(client, anchored, current, cancellationToken);
                if (anchoredNote == note && repository.IsRepository)
                {
                    await context.Out.WriteLineAsync($"already anchored: size {current.Size}");
                    await context.Out.WriteLineAsync(await repository.HeadAsync(cancellationToken));
                    return 0;
                }
            }

            await repository.InitializeAsync(cancellationToken);
            var message = $"Anchor {current.Origin} checkpoint at size {current.Size}\n\nroot {Convert.ToBase64String(current.RootHash)}\n";
            var commit = await repository.CommitAsync(note, current.Size, logKey.VerifierKey, message, cancellationToken);
            await context.Out.WriteLineAsync($"anchored {current.Origin} at size {current.Size} in {repository.Directory}");
            await context.Out.WriteLineAsync(commit);
            return 0;
        });
        return command;
    }

    /// <summary>The key pinned in the repository wins; a different key from --key or the server is refused.</summary>
    private static async Task<NoteVerifier> LogKeyAsync(
        AnchorRepository repository, string? pinned, StewardClient client, CancellationToken cancellationToken)
    {
        var (key, _) = await SignedCheckpoints.KeyAsync(pinned, client, cancellationToken);
        if (repository.ReadPinnedKey() is { } anchoredKey && anchoredKey != key.VerifierKey)
        {
            throw new CliException(
                $"LOG KEY CHANGED: {Path.Combine(repository.Directory, AnchorRepository.KeyFile)} pins {anchoredKey}, " +
                $"but {(pinned is null ? "the server" : "--key")} gives {key.VerifierKey}; refusing to anchor");
        }

        return key;
    }

    /// <summary>Proves with a consistency proof that <paramref name="current"/> extends <paramref name="anchored"/>.</summary>
    private static async Task CheckExtendsAsync(
        StewardClient client, Checkpoint anchored, Checkpoint current, CancellationToken cancellationToken)
    {
        var rewritten = $"LEDGER REWRITTEN: the server's checkpoint (size {current.Size}) does not extend the anchored checkpoint (size {anchored.Size})";
        if (current.Size < anchored.Size)
        {
            throw new CliException($"{rewritten}: the log shrank; refusing to anchor");
        }

        if (anchored.Size == 0)
        {
            return;
        }

        if (current.Size == anchored.Size)
        {
            if (!current.RootHash.AsSpan().SequenceEqual(anchored.RootHash))
            {
                throw new CliException($"{rewritten}: same size, different root; refusing to anchor");
            }

            return;
        }

        var proof = await client.Ledger.GetConsistencyProofAsync(anchored.Size, current.Size, cancellationToken);
        if (proof.From != anchored.Size || proof.TreeSize != current.Size
            || !MerkleVerifier.VerifyConsistency(anchored.Size, current.Size, proof.Hashes, anchored.RootHash, current.RootHash))
        {
            throw new CliException($"{rewritten}: the consistency proof fails; refusing to anchor");
        }
    }
}
