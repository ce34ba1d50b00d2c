using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>semver.is_valid and semver.compare (OPA's internal semver: optional leading v, pre-release and metadata).</summary>
internal static partial class SemverBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("semver.is_valid", 1, (c, a) => BooleanValue.Of(a[0] is StringValue s && TryParse(s.Value, out _)));
        r.Register("semver.compare", 2, (_, a) => Compare(a));
    }

    private static NumberValue Compare(ReadOnlySpan<Value> a)
    {
        var x = Operand.String(a, 0);
        var y = Operand.String(a, 1);
        if (!TryParse(x, out var vx))
        {
            throw new BuiltinException($"operand 1: string {x} is not a valid SemVer");
        }

        if (!TryParse(y, out var vy))
        {
            throw new BuiltinException($"operand 2: string {y} is not a valid SemVer");
        }

        return NumberValue.Of(Compare(vx, vy));
    }

    private static bool TryParse(string text, out Version version)
    {
        version = default;
        var s = text.StartsWith('v') ? text[1..] : text;
        var (core, metadata) = Cut(s, '+');
        if (metadata.Length > 0 && !Identifier().IsMatch(metadata))
        {
            return false;
        }

        var (numbers, pre) = Cut(core, '-');
        if (pre.Length > 0 && !Identifier().IsMatch(pre))
        {
            return false;
        }

        var parts = numbers.Split('.');
        if (parts.Length != 3 || !GoInt(parts[0], out var major) || !GoInt(parts[1], out var minor) || !GoInt(parts[2], out var patch))
        {
            return false;
        }

        version = new Version(major, minor, patch, pre);
        return true;
    }

    private static bool GoInt(string s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && s.Length > 0 && !char.IsWhiteSpace(s[^1]);

    private static (string Before, string After) Cut(string s, char separator)
    {
        var i = s.IndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? (s, string.Empty) : (s[..i], s[(i + 1)..]);
    }

    private static int Compare(Version v, Version o)
    {
        var c = v.Major.CompareTo(o.Major);
        if (c == 0)
        {
            c = v.Minor.CompareTo(o.Minor);
        }

        if (c == 0)
        {
            c = v.Patch.CompareTo(o.Patch);
        }

        if (c != 0)
        {
            return Math.Sign(c);
        }

        if (v.Pre == o.Pre)
        {
            return 0;
        }

        if (v.Pre.Length == 0)
        {
            return 1;
        }

        if (o.Pre.Length == 0)
        {
            return -1;
        }

        var (a, restA) = Cut(v.Pre, '.');
        var (b, restB) = Cut(o.Pre, '.');
        while (true)
        {
            if (a.Length == 0 && b.Length > 0)
            {
                return -1;
            }

            if (a.Length > 0 && b.Length == 0)
            {
                return 1;
            }

            var aInt = a.Length > 0 && a.All(char.IsAsciiDigit);
            var bInt = b.Length > 0 && b.All(char.IsAsciiDigit);
            if (aInt != bInt)
            {
                return aInt ? -1 : 1;
            }

            if (aInt)
            {
                var x = System.Numerics.BigInteger.Parse(a, CultureInfo.InvariantCulture);
                var y = System.Numerics.BigInteger.Parse(b, CultureInfo.InvariantCulture);
                if (x != y)
                {
                    return x > y ? 1 : -1;
                }
            }
            else
            {
                var sc = string.CompareOrdinal(a, b);
                if (sc != 0)
                {
                    return Math.Sign(sc);
                }
            }

            if (restA.Length > 0 && restB.Length == 0)
            {
                return 1;
            }

            if (restA.Length == 0 && restB.Length > 0)
            {
                return -1;
            }

            // Pre-releases that differ only in how they spell equal numbers ("01" and "1") run out together here. OPA's
            // loop never ends on them (it goes on comparing empty identifiers); they are equal.
            if (restA.Length == 0 && restB.Length == 0)
            {
                return 0;
            }

            (a, restA) = Cut(restA, '.');
            (b, restB) = Cut(restB, '.');
        }
    }

    [GeneratedRegex(@"^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$")]
    private static partial Regex Identifier();

    private readonly record struct Version(long Major, long Minor, long Patch, string Pre);
}
