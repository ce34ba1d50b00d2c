using System.Buffers;
using System.Security.Cryptography;

namespace Steward.Ledger.Merkle;

/// <summary>
/// RFC 6962 / RFC 9162 §2.1.1 hashing with SHA-256: leaf = SHA-256(0x00 || data),
/// interior node = SHA-256(0x01 || left || right), empty tree = SHA-256("").
/// </summary>
public static class MerkleHash
{
    /// <summary>Length in bytes of every hash produced here (SHA-256).</summary>
    public const int Size = 32;

    private const int StackLimit = 1024;

    private static readonly byte[] EmptyRootValue = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Returns the root hash of the empty tree, SHA-256 of the empty string.</summary>
    /// <returns>A new 32-byte array.</returns>
    public static byte[] EmptyRoot() => (byte[])EmptyRootValue.Clone();

    /// <summary>Computes the leaf hash SHA-256(0x00 || <paramref name="data"/>).</summary>
    /// <param name="data">The leaf data.</param>
    /// <returns>A new 32-byte array.</returns>
    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        HashLeaf(data, result);
        return result;
    }

    /// <summary>Computes the leaf hash SHA-256(0x00 || <paramref name="data"/>) into <paramref name="destination"/>.</summary>
    /// <param name="data">The leaf data.</param>
    /// <param name="destination">Receives the 32-byte hash; must be at least <see cref="Size"/> bytes.</param>
    public static void HashLeaf(ReadOnlySpan<byte> data, Span<byte> destination) =>
        HashPrefixed(0x00, data, ReadOnlySpan<byte>.Empty, destination);

    /// <summary>Computes the interior node hash SHA-256(0x01 || <paramref name="left"/> || <paramref name="right"/>).</summary>
    /// <param name="left">Hash of the left child.</param>
    /// <param name="right">Hash of the right child.</param>
    /// <returns>A new 32-byte array.</returns>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[Size];
        HashChildren(left, right, result);
        return result;
    }

    /// <summary>Computes the interior node hash SHA-256(0x01 || left || right) into <paramref name="destination"/>.</summary>
    /// <param name="left">Hash of the left child.</param>
    /// <param name="right">Hash of the right child.</param>
    /// <param name="destination">Receives the 32-byte hash; may overlap either input.</param>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        HashPrefixed(0x01, left, right, destination);

    private static void HashPrefixed(byte prefix, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Destination must hold at least {Size} bytes.", nameof(destination));
        }

        int length = 1 + a.Length + b.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            buffer[0] = prefix;
            a.CopyTo(buffer[1..]);
            b.CopyTo(buffer[(1 + a.Length)..]);
            SHA256.HashData(buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
