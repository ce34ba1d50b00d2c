using Steward.Ledger.Notes;

namespace Steward.Ledger.Verification;

/// <summary>The checkpoints given to the verifier: opened, checked for key and origin, sorted by size.</summary>
internal sealed class CheckpointSet
{
    private readonly List<Checkpoint> _bySize;
    private readonly List<(long Size, bool Matched)> _outcomes = [];
    private int _next;

    public CheckpointSet(IEnumerable<string> signedNotes, NoteVerifier logKey, string origin)
    {
        var valid = new List<Checkpoint>();
        int number = 0;
        foreach (string note in signedNotes)
        {
            number++;
            try
            {
                var checkpoint = Checkpoint.Open(note, logKey);
                if (checkpoint.Origin != origin)
                {
                    Problem ??= $"checkpoint #{number} is for origin \"{checkpoint.Origin}\", not \"{origin}\"";
                    continue;
                }

                valid.Add(checkpoint);
            }
            catch (Exception ex) when (ex is NoteException or FormatException)
            {
                Problem ??= $"checkpoint #{number} is not a checkpoint signed by the log key {logKey.Name}: {ex.Message}";
            }
        }

        _bySize = [.. valid.OrderBy(c => c.Size)];
    }

    /// <summary>The first problem with the checkpoints themselves (signature, origin, format), if any.</summary>
    public string? Problem { get; }

    public int Count => _bySize.Count;

    public long LargestSize => _bySize.Count == 0 ? 0 : _bySize[^1].Size;

    /// <summary>Size of the next checkpoint not yet compared, or -1 when all have been.</summary>
    public long NextSize => _next < _bySize.Count ? _bySize[_next].Size : -1;

    /// <summary>Compares every checkpoint of the current size with <paramref name="root"/>; returns the first mismatch.</summary>
    public Checkpoint? CompareAt(long size, ReadOnlySpan<byte> root)
    {
        Checkpoint? mismatch = null;
        for (; _next < _bySize.Count && _bySize[_next].Size == size; _next++)
        {
            bool matched = root.SequenceEqual(_bySize[_next].RootHash);
            _outcomes.Add((size, matched));
            mismatch ??= matched ? null : _bySize[_next];
        }

        return mismatch;
    }

    /// <summary>Largest checkpoint size below <paramref name="size"/> whose root matched (0 when none).</summary>
    public long LastMatchedBelow(long size) =>
        _outcomes.Where(o => o.Matched && o.Size < size).Select(o => o.Size).DefaultIfEmpty(0).Max();
}
