namespace Steward.Policy.Builtins;

/// <summary>Go's encoding/base64 decoding: strict padding, CR and LF skipped, Go's error offsets.</summary>
internal static class GoBase64
{
    private const string Standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Encode(byte[] data, bool url, bool pad)
    {
        var text = Convert.ToBase64String(data);
        if (url)
        {
            text = text.Replace('+', '-').Replace('/', '_');
        }

        return pad ? text : text.TrimEnd('=');
    }

    /// <summary>Decodes, or returns the offset of the first illegal byte.</summary>
    public static bool TryDecode(string s, bool url, out byte[] result, out int errorAt)
    {
        var alphabet = url ? Url : Standard;
        var output = new List<byte>(s.Length * 3 / 4);
        var si = 0;
        result = [];
        errorAt = -1;
        Span<int> quantum = stackalloc int[4];
        while (true)
        {
            var length = 4;
            var end = false;
            for (var j = 0; j < 4; j++)
            {
                if (si == s.Length)
                {
                    if (j == 0)
                    {
                        result = [.. output];
                        return true;
                    }

                    errorAt = si - j;
                    return false;
                }

                var c = s[si++];
                var v = alphabet.IndexOf(c, StringComparison.Ordinal);
                if (v >= 0 && c != '=')
                {
                    quantum[j] = v;
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    j--;
                    continue;
                }

                if (c != '=')
                {
                    errorAt = si - 1;
                    return false;
                }

                switch (j)
                {
                    case 0 or 1:
                        errorAt = si - 1;
                        return false;
                    case 2:
                        while (si < s.Length && s[si] is '\n' or '\r')
                        {
                            si++;
                        }

                        if (si == s.Length)
                        {
                            errorAt = s.Length;
                            return false;
                        }

                        if (s[si] != '=')
                        {
                            errorAt = si - 1;
                            return false;
                        }

                        si++;
                        break;
                }

                while (si < s.Length && s[si] is '\n' or '\r')
                {
                    si++;
                }

                if (si < s.Length)
                {
                    errorAt = si;
                    return false;
                }

                length = j;
                end = true;
                break;
            }

            var bits = (quantum[0] << 18) | (quantum[1] << 12) | (length > 2 ? quantum[2] << 6 : 0) | (length > 3 ? quantum[3] : 0);
            output.Add((byte)(bits >> 16));
            if (length > 2)
            {
                output.Add((byte)(bits >> 8));
            }

            if (length > 3)
            {
                output.Add((byte)bits);
            }

            if (end)
            {
                result = [.. output];
                return true;
            }
        }
    }
}
