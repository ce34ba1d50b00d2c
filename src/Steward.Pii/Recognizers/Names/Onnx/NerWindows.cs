namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// Cuts a long token sequence into overlapping windows the model can take. Windows hold at most
/// <c>capacity</c> tokens and overlap by a quarter of that; each token's prediction is taken from the window in
/// which it lies furthest from an edge, so every token is judged with context on both sides where there is any.
/// </summary>
internal static class NerWindows
{
    /// <summary>The windows <c>[start, end)</c> over <paramref name="count"/> tokens.</summary>
    public static List<(int Start, int End)> Plan(int count, int capacity)
    {
        var windows = new List<(int, int)>();
        if (count <= capacity)
        {
            windows.Add((0, count));
            return windows;
        }
        var stride = capacity - Math.Max(1, capacity / 4);
        var start = 0;
        while (start + capacity < count)
        {
            windows.Add((start, start + capacity));
            start += stride;
        }
        windows.Add((count - capacity, count));
        return windows;
    }

    /// <summary>How far token <paramref name="index"/> lies from the nearer edge of a window (text edges do not count).</summary>
    public static int Margin(int index, (int Start, int End) window, int count)
    {
        var left = window.Start == 0 ? int.MaxValue : index - window.Start;
        var right = window.End == count ? int.MaxValue : window.End - 1 - index;
        return Math.Min(left, right);
    }
}
