namespace Steward.Ledger.Merkle;

/// <summary>
/// A perfect subtree of the log: level <see cref="Level"/> and index <see cref="Index"/> cover the leaves
/// [Index &lt;&lt; Level, (Index + 1) &lt;&lt; Level). Level 0 nodes are leaf hashes.
/// </summary>
/// <param name="Level">Height of the subtree; 0 for a single leaf.</param>
/// <param name="Index">Position of the subtree among those of the same level, from the left.</param>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>Index of the first leaf the node covers.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>Number of leaves the node covers (2^Level).</summary>
    public long LeafCount => 1L << Level;

    /// <summary>Exclusive end of the leaf range the node covers.</summary>
    public long EndLeaf => (Index + 1) << Level;

    /// <inheritdoc/>
    public override string ToString() => $"({Level}, {Index})";
}
