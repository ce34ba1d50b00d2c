using System.Buffers;

namespace Steward.Drift.Numerics;

/// <summary>
/// Sorting of finite doubles: a least-significant-digit radix sort (six 11-bit digits of the order-preserving bit pattern,
/// all digit histograms counted in one pass, digits that are the same everywhere skipped) for large arrays, linear in time;
/// the framework's introsort for small ones.
/// </summary>
internal static class DoubleSort
{
    private const int RadixThreshold = 4096;
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Digits = 6;
    private const ulong Mask = Buckets - 1;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    public static void Sort(double[] values)
    {
        if (values.Length < RadixThreshold)
        {
            Array.Sort(values);
            return;
        }
        var n = values.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var buffer = ArrayPool<ulong>.Shared.Rent(n);
        var counts = new int[Digits * Buckets];
        try
        {
            for (var i = 0; i < n; i++)
            {
                var bits = (ulong)BitConverter.DoubleToInt64Bits(values[i] == 0 ? 0.0 : values[i]);
                var key = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
                keys[i] = key;
                for (var d = 0; d < Digits; d++) counts[d * Buckets + (int)(key >> (d * Bits) & Mask)]++;
            }
            for (var d = 0; d < Digits; d++)
            {
                var offset = d * Buckets;
                var shift = d * Bits;
                if (counts[offset + (int)(keys[0] >> shift & Mask)] == n) continue;
                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var c = counts[offset + b];
                    counts[offset + b] = sum;
                    sum += c;
                }
                for (var i = 0; i < n; i++)
                {
                    var key = keys[i];
                    buffer[counts[offset + (int)(key >> shift & Mask)]++] = key;
                }
                (keys, buffer) = (buffer, keys);
            }
            for (var i = 0; i < n; i++)
            {
                var k = keys[i];
                var bits = (k & SignBit) != 0 ? k & ~SignBit : ~k;
                values[i] = BitConverter.Int64BitsToDouble((long)bits);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }
}
