using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Collects the runs of ASCII digits of a text for <see cref="NumberIndex"/>: on long texts 32 characters at a time
/// (two 256-bit compares give a 32-bit mask of digits; the bits where the mask changes are the runs' starts and
/// ends), so dense text costs no call per run; on short texts (dataset cells) with a scalar loop.
/// </summary>
internal struct DigitRuns(int[] starts, int[] ends)
{
    public int[] Starts = starts;
    public int[] Ends = ends;
    public int Count;

    /// <summary>Scalar: from <paramref name="first"/> (a digit), one run at a time with a vectorised skip between runs.</summary>
    public void CollectScalar(ReadOnlySpan<char> span, int first)
    {
        var i = first;
        while (true)
        {
            var end = i + 1;
            while (end < span.Length && char.IsAsciiDigit(span[end])) end++; // runs are short: a scalar loop beats a vector call
            Add(i, end);
            if (end >= span.Length) return;
            var next = span[end..].IndexOfAnyInRange('0', '9');
            if (next < 0) return;
            i = end + next;
        }
    }

    /// <summary>32 characters per step from <paramref name="first"/>, then the tail one character at a time.</summary>
    public void CollectVectorized(ReadOnlySpan<char> span, int first)
    {
        ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
        var zero = Vector256.Create((ushort)'0');
        var ten = Vector256.Create((ushort)10);
        var inRun = false;
        var runStart = 0;
        var i = first;
        for (; i + 32 <= span.Length; i += 32)
        {
            var low = Vector256.LoadUnsafe(ref origin, (nuint)i) - zero; // non-digits wrap to 10 or more
            var high = Vector256.LoadUnsafe(ref origin, (nuint)(i + 16)) - zero;
            var digits = Vector256.LessThan(low, ten).ExtractMostSignificantBits() | (Vector256.LessThan(high, ten).ExtractMostSignificantBits() << 16);
            var changes = digits ^ ((digits << 1) | (inRun ? 1u : 0u)); // a digit after a non-digit, or the reverse
            while (changes != 0)
            {
                var bit = BitOperations.TrailingZeroCount(changes);
                if ((digits & (1u << bit)) != 0) runStart = i + bit;
                else Add(runStart, i + bit);
                changes &= changes - 1;
            }
            inRun = (digits & 0x8000_0000u) != 0;
        }
        for (; i < span.Length; i++)
        {
            var digit = char.IsAsciiDigit(span[i]);
            if (digit && !inRun) runStart = i;
            else if (!digit && inRun) Add(runStart, i);
            inRun = digit;
        }
        if (inRun) Add(runStart, span.Length);
    }

    private void Add(int start, int end)
    {
        if (Count == Starts.Length)
        {
            Array.Resize(ref Starts, Count * 2);
            Array.Resize(ref Ends, Count * 2);
        }
        Starts[Count] = start;
        Ends[Count] = end;
        Count++;
    }
}
