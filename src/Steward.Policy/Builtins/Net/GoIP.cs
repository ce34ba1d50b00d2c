using System.Globalization;
using System.Numerics;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>IP addresses and networks as Go's net package parses and prints them.</summary>
internal static class GoIP
{
    /// <summary>Go's net.ParseIP: dotted IPv4 (no leading zeros) or IPv6; 4 or 16 bytes, or null.</summary>
    public static byte[]? Parse(string s)
    {
        if (s.Contains(':', StringComparison.Ordinal))
        {
            return ParseV6(s);
        }

        return ParseV4(s);
    }

    private static byte[]? ParseV4(string s)
    {
        var parts = s.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var p = parts[i];
            if (p.Length == 0 || p.Length > 3 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0'))
            {
                return null;
            }

            var v = int.Parse(p, CultureInfo.InvariantCulture);
            if (v > 255)
            {
                return null;
            }

            bytes[i] = (byte)v;
        }

        return bytes;
    }

    private static byte[]? ParseV6(string s)
    {
        if (s.Contains('%', StringComparison.Ordinal) || s.Contains('[', StringComparison.Ordinal))
        {
            return null;
        }

        // Expand an embedded IPv4 tail into two groups.
        var tail = s.LastIndexOf(':');
        if (s[(tail + 1)..].Contains('.', StringComparison.Ordinal))
        {
            var v4 = ParseV4(s[(tail + 1)..]);
            if (v4 is null)
            {
                return null;
            }

            s = s[..(tail + 1)] + $"{(v4[0] << 8) | v4[1]:x}:{(v4[2] << 8) | v4[3]:x}";
        }

        var halves = s.Split("::");
        if (halves.Length > 2)
        {
            return null;
        }

        var head = Groups(halves[0]);
        var rest = halves.Length == 2 ? Groups(halves[1]) : [];
        if (head is null || rest is null)
        {
            return null;
        }

        var count = head.Count + rest.Count;
        if ((halves.Length == 1 && count != 8) || (halves.Length == 2 && count > 7))
        {
            return null;
        }

        var groups = new List<int>(head);
        groups.AddRange(Enumerable.Repeat(0, 8 - count));
        groups.AddRange(rest);
        var bytes = new byte[16];
        for (var i = 0; i < 8; i++)
        {
            bytes[2 * i] = (byte)(groups[i] >> 8);
            bytes[(2 * i) + 1] = (byte)groups[i];
        }

        return bytes;
    }

    private static List<int>? Groups(string s)
    {
        if (s.Length == 0)
        {
            return [];
        }

        var list = new List<int>();
        foreach (var g in s.Split(':'))
        {
            if (g.Length is 0 or > 4 || !g.All(char.IsAsciiHexDigit))
            {
                return null;
            }

            list.Add(int.Parse(g, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        return list;
    }

    /// <summary>Go's net.ParseCIDR: the address as written and the network (masked address and prefix length).</summary>
    public static (byte[] Ip, byte[] Network, int Prefix)? ParseCidr(string s)
    {
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var ip = ParseV4(s[..slash]) ?? (s[..slash].Contains(':', StringComparison.Ordinal) ? ParseV6(s[..slash]) : null);
        var mask = s[(slash + 1)..];
        if (ip is null || mask.Length == 0 || !mask.All(char.IsAsciiDigit))
        {
            return null;
        }

        // Go reads the length with dtoi: any number of digits, leading zeros too ("/0024").
        var trimmed = mask.TrimStart('0');
        if (trimmed.Length > 3 || (trimmed.Length > 0 && int.Parse(trimmed, CultureInfo.InvariantCulture) > ip.Length * 8))
        {
            return null;
        }

        var prefix = trimmed.Length == 0 ? 0 : int.Parse(trimmed, CultureInfo.InvariantCulture);
        var network = Mask(ip, prefix);

        // An IPv4-mapped IPv6 network (::ffff:10.0.0.0/104) that keeps its ::ffff: prefix after masking is, for Go's
        // IPNet.Contains and IPNet.String, the IPv4 network 10.0.0.0/8.
        if (network.Length == 16 && prefix >= 96 && To4(network) is { } v4)
        {
            return (ip, v4, prefix - 96);
        }

        return (ip, network, prefix);
    }

    public static byte[] Mask(byte[] ip, int prefix)
    {
        var result = (byte[])ip.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            result[i] &= (byte)(0xFF << (8 - bits));
        }

        return result;
    }

    public static byte[] Last(byte[] network, int prefix)
    {
        var result = (byte[])network.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            result[i] |= (byte)~(0xFF << (8 - bits));
        }

        return result;
    }

    /// <summary>A 16-byte form (IPv4 as ::ffff:a.b.c.d) for comparisons.</summary>
    public static byte[] To16(byte[] ip) => ip.Length == 16 ? ip : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, .. ip];

    /// <summary>The IPv4 form of an address, or null.</summary>
    public static byte[]? To4(byte[] ip)
    {
        if (ip.Length == 4)
        {
            return ip;
        }

        for (var i = 0; i < 10; i++)
        {
            if (ip[i] != 0)
            {
                return null;
            }
        }

        return ip[10] == 0xff && ip[11] == 0xff ? ip[12..] : null;
    }

    /// <summary>Whether a network contains an address (Go's IPNet.Contains).</summary>
    public static bool Contains(byte[] network, int prefix, byte[] ip)
    {
        var x = To4(ip) ?? ip;
        var n = To4(network) is { } n4 && network.Length == 4 ? n4 : network;
        if (x.Length != n.Length)
        {
            return false;
        }

        return Mask(x, prefix).AsSpan().SequenceEqual(Mask(n, prefix));
    }

    public static BigInteger ToInteger(byte[] ip) => new(ip, isUnsigned: true, isBigEndian: true);

    public static byte[] FromInteger(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[length];
        bytes.AsSpan(Math.Max(0, bytes.Length - length)).CopyTo(result.AsSpan(Math.Max(0, length - bytes.Length)));
        return result;
    }

    /// <summary>Go's IP.String: dotted IPv4 (also for IPv4-mapped addresses), RFC 5952 IPv6.</summary>
    public static string Format(byte[] ip)
    {
        if (To4(ip) is { } v4)
        {
            return $"{v4[0]}.{v4[1]}.{v4[2]}.{v4[3]}";
        }

        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ip[2 * i] << 8) | ip[(2 * i) + 1];
        }

        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > bestLength && j - i >= 2)
            {
                bestStart = i;
                bestLength = j - i;
            }

            i = j;
        }

        var b = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                b.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (b.Length > 0 && b[^1] != ':')
            {
                b.Append(':');
            }

            b.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return b.ToString();
    }
}
