using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Ledger.Merkle;

namespace Steward.Cli.Commands.Ledger;

/// <summary>
/// <c>steward ledger proof --index I [--size N] [--key VKEY]</c>: fetches an entry and its inclusion proof
/// and verifies both locally against the signed checkpoint; with <c>--size</c> below the checkpoint's size,
/// the tree of that size is tied to the checkpoint with a consistency proof.
/// </summary>
internal static class ProofCommand
{
    public static Command Create(CliContext context)
    {
        var index = new Option<long>("--index") { Description = "Index of the entry", HelpName = "I", Required = true };
        index.Validators.Add(r => Validate.Range(r, 0, long.MaxValue));
        var size = new Option<long?>("--size") { Description = "Tree size to prove against (default: the signed checkpoint's)", HelpName = "N" };
        size.Validators.Add(r => Validate.Range(r, 1, long.MaxValue));
        var key = new Option<string?>("--key") { Description = "Verifier key to pin (text or file; default: fetched from the server)", HelpName = "VKEY" };
        var json = CommonOptions.Json();
        var command = new Command("proof", "Prove an entry is in the signed ledger, verified locally") { index, size, key, json };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = connection.CreateClient(parseResult);
            var (logKey, pinned) = await SignedCheckpoints.KeyAsync(parseResult.GetValue(key), client, cancellationToken);
            var checkpoint = SignedCheckpoints.Open(await client.Ledger.GetCheckpointAsync(cancellationToken), logKey, "the server");
            var entryIndex = parseResult.GetValue(index);
            var treeSize = parseResult.GetValue(size) ?? checkpoint.Size;
            if (treeSize > checkpoint.Size)
            {
                throw new CliException($"--size {treeSize} is beyond the signed checkpoint (size {checkpoint.Size}); wait for the next checkpoint");
            }

            if (entryIndex >= treeSize)
            {
                throw new CliException($"entry {entryIndex} is not covered by a tree of size {treeSize}");
            }

            var leaf = await client.Ledger.GetRawEntryAsync(entryIndex, cancellationToken);
            var leafHash = MerkleHash.HashLeaf(leaf);
            var proof = await client.Ledger.GetInclusionProofAsync(entryIndex, treeSize, cancellationToken);
            if (proof.Index != entryIndex || proof.TreeSize != treeSize || !proof.LeafHash.AsSpan().SequenceEqual(leafHash))
            {
                throw new CliException($"the server's proof is for another leaf or size than entry {entryIndex} in a tree of size {treeSize}");
            }

            var root = RootOrFail(entryIndex, treeSize, leafHash, proof);
            if (treeSize == checkpoint.Size ? !root.AsSpan().SequenceEqual(checkpoint.RootHash)
                : !await IsConsistentAsync(client, treeSize, root, checkpoint.Size, checkpoint.RootHash, cancellationToken))
            {
                throw new CliException(
                    $"PROOF FAILED: entry {entryIndex} is not in the ledger of the signed checkpoint (size {checkpoint.Size}, origin {checkpoint.Origin})");
            }

            var result = new ProofResult(
                entryIndex, treeSize, leafHash, checkpoint.Origin, checkpoint.Size, checkpoint.RootHash, pinned, proof.Hashes);
            if (parseResult.GetValue(json))
            {
                Output.Json(context.Out, result);
            }
            else
            {
                await context.Out.WriteLineAsync(
                    $"verified: entry {entryIndex} (leaf hash {Convert.ToBase64String(leafHash)}) is in the tree of size {treeSize}");
                await context.Out.WriteLineAsync(
                    $"checkpoint: {checkpoint.Origin}, size {checkpoint.Size}, root {Convert.ToBase64String(checkpoint.RootHash)}, " +
                    (pinned ? "signature verified with the pinned key" : "signature verified with the server's key (pin it with --key)"));
            }

            return 0;
        });
        return command;
    }

    private static byte[] RootOrFail(long index, long size, byte[] leafHash, InclusionProof proof)
    {
        try
        {
            return MerkleVerifier.RootFromInclusionProof(index, size, leafHash, proof.Hashes);
        }
        catch (MerkleProofException ex)
        {
            throw new CliException($"PROOF FAILED: the inclusion proof for entry {index} is malformed: {ex.Message}", ex);
        }
    }

    private static async Task<bool> IsConsistentAsync(
        StewardClient client, long size, byte[] root, long signedSize, byte[] signedRoot, CancellationToken cancellationToken)
    {
        var consistency = await client.Ledger.GetConsistencyProofAsync(size, signedSize, cancellationToken);
        return MerkleVerifier.VerifyConsistency(size, signedSize, consistency.Hashes, root, signedRoot);
    }

    private sealed record ProofResult(
        long Index, long TreeSize, byte[] LeafHash, string Origin, long CheckpointSize, byte[] CheckpointRootHash,
        bool KeyPinned, IReadOnlyList<byte[]> Hashes);
}
