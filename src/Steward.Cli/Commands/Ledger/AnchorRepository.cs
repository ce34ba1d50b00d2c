using System.Globalization;
using System.Text;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Ledger;

/// <summary>
/// A git repository that anchors checkpoints: <c>checkpoint</c> (the latest), <c>checkpoints/SIZE.txt</c>
/// (every anchored one) and <c>verifier.key</c> (the log key pinned at the first anchor).
/// </summary>
internal sealed class AnchorRepository(string directory)
{
    public const string CheckpointFile = "checkpoint";
    public const string CheckpointsFolder = "checkpoints";
    public const string KeyFile = "verifier.key";

    public string Directory { get; } = Path.GetFullPath(directory);

    public bool IsRepository => System.IO.Directory.Exists(Path.Combine(Directory, ".git")) || File.Exists(Path.Combine(Directory, ".git"));

    public string? ReadLatest() => ReadOrNull(CheckpointFile);

    public string? ReadPinnedKey() => ReadOrNull(KeyFile)?.Trim();

    /// <summary>Creates the folder and the repository if needed.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (!IsRepository)
        {
            await Git.CheckAsync(Directory, ["init", "--quiet"], cancellationToken);
        }
    }

    /// <summary>Writes the checkpoint (and the key on first use), commits, and returns the commit id.</summary>
    public async Task<string> CommitAsync(string signedNote, long size, string verifierKey, string message, CancellationToken cancellationToken)
    {
        var sizeFile = $"{CheckpointsFolder}/{size.ToString(CultureInfo.InvariantCulture)}.txt";
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, CheckpointsFolder));
        await File.WriteAllTextAsync(Path.Combine(Directory, CheckpointFile), signedNote, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, sizeFile), signedNote, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, KeyFile), verifierKey + "\n", cancellationToken);
        await Git.CheckAsync(Directory, ["add", "--", CheckpointFile, sizeFile, KeyFile], cancellationToken);

        var commit = new List<string>();
        if ((await Git.RunAsync(Directory, ["config", "user.email"], null, cancellationToken)).Text.Length == 0)
        {
            commit.AddRange(["-c", "user.name=steward ledger anchor", "-c", "user.email=steward-anchor@localhost"]);
        }

        commit.AddRange(["commit", "--quiet", "-m", message]);
        if ((await Git.RunAsync(Directory, ["config", "user.signingkey"], null, cancellationToken)).Text.Length > 0)
        {
            commit.Add("-S");
        }

        await Git.CheckAsync(Directory, commit, cancellationToken);
        return await HeadAsync(cancellationToken);
    }

    public async Task<string> HeadAsync(CancellationToken cancellationToken) =>
        (await Git.CheckAsync(Directory, ["rev-parse", "HEAD"], cancellationToken)).Text;

    /// <summary>Every distinct checkpoint ever committed to the repository, on any branch.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllCheckpointsAsync(string directory, CancellationToken cancellationToken)
    {
        var repository = new AnchorRepository(directory);
        if (!repository.IsRepository)
        {
            throw new CliException($"{repository.Directory} is not a git repository written by 'steward ledger anchor'");
        }

        var log = await Git.CheckAsync(
            repository.Directory,
            ["log", "--all", "--format=commit %H", "--name-only", "--diff-filter=AM", "--", CheckpointFile, CheckpointsFolder],
            cancellationToken);
        var objects = new StringBuilder();
        string? commit = null;
        foreach (var line in log.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("commit ", StringComparison.Ordinal))
            {
                commit = line["commit ".Length..];
            }
            else if (commit is not null)
            {
                objects.Append(commit).Append(':').Append(line).Append('\n');
            }
        }

        if (objects.Length == 0)
        {
            return [];
        }

        var batch = await Git.CheckAsync(
            repository.Directory, ["cat-file", "--batch"], cancellationToken, Encoding.UTF8.GetBytes(objects.ToString()));
        return ParseBatch(batch.Output).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads <c>git cat-file --batch</c> output: a header <c>SHA TYPE SIZE</c>, SIZE bytes, a newline.</summary>
    private static IEnumerable<string> ParseBatch(byte[] output)
    {
        var position = 0;
        while (position < output.Length)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
            {
                yield break;
            }

            var header = Encoding.UTF8.GetString(output, position, end - position).Split(' ');
            position = end + 1;
            if (header.Length == 3 && header[1] == "blob" && int.TryParse(header[2], CultureInfo.InvariantCulture, out var length))
            {
                yield return Encoding.UTF8.GetString(output, position, length);
                position += length + 1;
            }
        }
    }

    private string? ReadOrNull(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
