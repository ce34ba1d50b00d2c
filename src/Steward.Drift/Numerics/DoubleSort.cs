namespace Steward.Drift.Numerics;

/// <summary>Sorting of finite doubles: least-significant-digit radix sort over the order-preserving bit pattern for large arrays (linear time), the framework's sort for small ones.</summary>
internal static class DoubleSort
{
    private const int RadixThreshold = 4096;

    public static void Sort(double[] values)
    {
        if (values.Length < RadixThreshold)
        {
            Array.Sort(values);
            return;
        }
        var n = values.Length;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var bits = (ulong)BitConverter.DoubleToInt64Bits(values[i] == 0 ? 0.0 : values[i]);
            keys[i] = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        }
        var buffer = new ulong[n];
        var counts = new int[2048];
        for (var shift = 0; shift < 64; shift += 11)
        {
            Array.Clear(counts);
            var first = keys[0] >> shift & 0x7FF;
            var same = true;
            for (var i = 0; i < n; i++)
            {
                var digit = keys[i] >> shift & 0x7FF;
                counts[digit]++;
                same &= digit == first;
            }
            if (same) continue;
            var sum = 0;
            for (var d = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (var i = 0; i < n; i++) buffer[counts[keys[i] >> shift & 0x7FF]++] = keys[i];
            (keys, buffer) = (buffer, keys);
        }
        for (var i = 0; i < n; i++)
        {
            var k = keys[i];
            var bits = (k & 0x8000_0000_0000_0000UL) != 0 ? k & 0x7FFF_FFFF_FFFF_FFFFUL : ~k;
            values[i] = BitConverter.Int64BitsToDouble((long)bits);
        }
    }
}
