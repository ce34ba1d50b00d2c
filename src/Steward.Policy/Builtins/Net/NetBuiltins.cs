using System.Numerics;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// net.cidr_contains, cidr_intersects, cidr_contains_matches, cidr_expand, cidr_merge, cidr_is_valid, and
/// net.lookup_ip_addr, which (like <c>http.send</c>) is a built-in error: Steward policies make no network calls,
/// and a decision must not depend on DNS. It is registered so that policies written for OPA compile and tests can
/// replace it with <c>with net.lookup_ip_addr as ...</c>.
/// </summary>
internal static class NetBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("net.cidr_contains", 2, (_, a) => BooleanValue.Of(Contains(a[0], a[1])));
        r.Register("net.cidr_intersects", 2, (_, a) => Intersects(a));
        r.Register("net.cidr_contains_matches", 2, (_, a) => ContainsMatches(a[0], a[1]));
        r.Register("net.cidr_expand", 1, (c, a) => Expand(c, Operand.String(a, 0)));
        r.Register("net.cidr_merge", 1, (_, a) => Merge(a[0]));
        r.Register("net.cidr_is_valid", 1, (_, a) => BooleanValue.Of(a[0] is StringValue s && GoIP.ParseCidr(s.Value) is not null));
        r.Register("net.lookup_ip_addr", 1, (_, a) => LookupIpAddr(Operand.String(a, 0)), nondeterministic: true);
    }

    private static Value LookupIpAddr(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        throw new BuiltinException("network access is disabled in Steward policies (net.lookup_ip_addr)");
    }

    private static (byte[] Ip, byte[] Network, int Prefix) Cidr(Value value)
    {
        var text = value is StringValue s ? s.Value : throw new OperandTypeException(1, "string", value);
        return GoIP.ParseCidr(text) ?? throw new BuiltinException($"invalid CIDR address: {text}");
    }

    private static bool Contains(Value a, Value b)
    {
        var net = Cidr(a);
        var text = b is StringValue s ? s.Value : throw new OperandTypeException(1, "string", b);
        if (GoIP.Parse(text) is { } ip)
        {
            return GoIP.Contains(net.Network, net.Prefix, ip);
        }

        var other = GoIP.ParseCidr(text) ?? throw new BuiltinException($"not a valid textual representation of an IP address or CIDR: {text}");
        return GoIP.Contains(net.Network, net.Prefix, other.Network)
            && GoIP.Contains(net.Network, net.Prefix, GoIP.Last(other.Network, other.Prefix));
    }

    private static BooleanValue Intersects(ReadOnlySpan<Value> a)
    {
        var x = Cidr(a[0]);
        var y = Cidr(a[1]);
        return BooleanValue.Of(GoIP.Contains(x.Network, x.Prefix, y.Network) || GoIP.Contains(y.Network, y.Prefix, x.Network));
    }

    private static SetValue ContainsMatches(Value a, Value b)
    {
        var result = new List<Value>();
        foreach (var (cidr1, index1) in Entries(1, a))
        {
            foreach (var (cidr2, index2) in Entries(2, b))
            {
                if (Contains(cidr1, cidr2))
                {
                    result.Add(new ArrayValue([index1, index2]));
                }
            }
        }

        return SetValue.From(result);
    }

    private static List<(Value Cidr, Value Index)> Entries(int operand, Value value)
    {
        var list = new List<(Value, Value)>();
        switch (value)
        {
            case StringValue:
                list.Add((value, value));
                break;
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    list.Add((MatchTerm(operand, a[i]), NumberValue.Of(i)));
                }

                break;
            case SetValue s:
                foreach (var item in s.Items)
                {
                    list.Add((MatchTerm(operand, item), item));
                }

                break;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    list.Add((MatchTerm(operand, o.Values[i]), o.Keys[i]));
                }

                break;
        }

        return list;
    }

    private static Value MatchTerm(int operand, Value value) => value switch
    {
        StringValue => value,
        ArrayValue { Count: > 0 } a => a[0],
        _ => throw new BuiltinException($"operand {operand}: element must be string or non-empty array"),
    };

    private static SetValue Expand(BuiltinContext context, string text)
    {
        var (_, network, prefix) = GoIP.ParseCidr(text) ?? throw new BuiltinException($"invalid CIDR address: {text}");
        var first = GoIP.ToInteger(network);
        var last = GoIP.ToInteger(GoIP.Last(network, prefix));
        var items = new List<Value>();
        for (var i = first; i <= last; i++)
        {
            if ((items.Count & 0xFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            items.Add(new StringValue(GoIP.Format(GoIP.FromInteger(i, network.Length))));
        }

        return SetValue.From(items);
    }

    private static SetValue Merge(Value operand)
    {
        var items = operand switch
        {
            ArrayValue a => a.Items,
            SetValue s => s.Items,
            _ => throw new BuiltinException("operand must be an array"),
        };
        var ranges = new List<Range>();
        foreach (var item in items)
        {
            ranges.Add(ToRange(item));
        }

        ranges.Sort((x, y) =>
        {
            var c = x.Last.CompareTo(y.Last);
            return c != 0 ? c : x.First.CompareTo(y.First);
        });
        for (var i = ranges.Count - 1; i > 0; i--)
        {
            var previous = ranges[i].First.IsZero ? ranges[i].First : ranges[i].First - 1;
            if (previous <= ranges[i - 1].Last)
            {
                ranges[i - 1] = new Range(BigInteger.Min(ranges[i - 1].First, ranges[i].First), ranges[i].Last, null, ranges[i].IsV4 && ranges[i - 1].IsV4);
                ranges.RemoveAt(i);
            }
        }

        var result = new List<Value>();
        foreach (var range in ranges)
        {
            if (range.Text is not null)
            {
                result.Add(new StringValue(range.Text));
                continue;
            }

            foreach (var cidr in RangeToCidrs(range.First, range.Last, range.IsV4))
            {
                result.Add(new StringValue(cidr));
            }
        }

        return SetValue.From(result);
    }

    private static Range ToRange(Value item)
    {
        if (item is not StringValue s)
        {
            throw new BuiltinException("element must be string");
        }

        byte[] ip;
        byte[] network;
        int prefix;
        if (GoIP.Parse(s.Value) is { } address)
        {
            var v4 = GoIP.To4(address) ?? throw new BuiltinException("IPv6 invalid: needs prefix length");

            // Go gives a bare IPv4 address its classful default mask.
            prefix = v4[0] < 0x80 ? 8 : v4[0] < 0xC0 ? 16 : 24;
            ip = v4;
            network = GoIP.Mask(v4, prefix);
        }
        else
        {
            (_, network, prefix) = GoIP.ParseCidr(s.Value) ?? throw new BuiltinException($"invalid CIDR address: {s.Value}");
            ip = network;
        }

        var first = GoIP.ToInteger(GoIP.To16(network));
        var last = GoIP.ToInteger(GoIP.To16(GoIP.Last(network, prefix)));
        return new Range(first, last, GoIP.Format(ip) + "/" + prefix, network.Length == 4);
    }

    /// <summary>The fewest CIDR blocks that exactly cover [first, last] (16-byte integers; IPv4 in the mapped range).</summary>
    private static List<string> RangeToCidrs(BigInteger first, BigInteger last, bool v4)
    {
        var result = new List<string>();
        var bits = v4 ? 32 : 128;
        var offset = v4 ? new BigInteger(0xffff) << 32 : BigInteger.Zero;
        var start = first - offset;
        var end = last - offset;
        while (start <= end)
        {
            var size = 0;
            while (size < bits)
            {
                var block = BigInteger.One << (size + 1);
                if (start % block != 0 || start + block - 1 > end)
                {
                    break;
                }

                size++;
            }

            var bytes = GoIP.FromInteger(start, v4 ? 4 : 16);
            result.Add(GoIP.Format(bytes) + "/" + (bits - size));
            start += BigInteger.One << size;
        }

        return result;
    }

    private sealed record Range(BigInteger First, BigInteger Last, string? Text, bool IsV4);
}
