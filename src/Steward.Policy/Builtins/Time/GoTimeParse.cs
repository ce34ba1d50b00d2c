using System.Globalization;
using static Steward.Policy.Builtins.GoLayout;

namespace Steward.Policy.Builtins;

/// <summary>Go's time.Parse (default zone UTC) with Go's error messages.</summary>
internal static partial class GoTimeParse
{
    public static GoTime Parse(string layout, string value)
    {
        var originalLayout = layout;
        var originalValue = value;
        var amSet = false;
        var pmSet = false;
        long year = 0;
        int month = -1, day = -1, yday = -1, hour = 0, minute = 0, second = 0;
        long nanos = 0;
        int? zoneOffset = null;
        string? zoneName = null;
        while (true)
        {
            var (prefix, std, digits, _, element, suffix) = Next(layout);
            var stdText = layout.Substring(prefix.Length, layout.Length - prefix.Length - suffix.Length);
            if (!Skip(ref value, prefix))
            {
                throw Error(originalLayout, originalValue, prefix, value, null);
            }

            if (std == Std.None)
            {
                if (value.Length > 0)
                {
                    throw new BuiltinException($"parsing time {Quote(originalValue)}: extra text: {Quote(value)}");
                }

                break;
            }

            layout = suffix;
            var hold = value;
            var bad = false;
            string? range = null;
            switch (std)
            {
                case Std.Year:
                    if (value.Length < 2 || !AllDigits(value[..2]))
                    {
                        bad = true;
                        break;
                    }

                    year = int.Parse(value[..2], CultureInfo.InvariantCulture);
                    year += year >= 69 ? 1900 : 2000;
                    value = value[2..];
                    break;
                case Std.LongYear:
                    if (value.Length < 4 || !AllDigits(value[..4]))
                    {
                        bad = true;
                        break;
                    }

                    year = int.Parse(value[..4], CultureInfo.InvariantCulture);
                    value = value[4..];
                    break;
                case Std.Month or Std.LongMonth:
                    month = Lookup(std == Std.Month ? ShortMonths : LongMonths, ref value) + 1;
                    bad = month <= 0;
                    break;
                case Std.NumMonth or Std.ZeroMonth:
                    bad = !GetNum(ref value, std == Std.ZeroMonth, out month);
                    if (!bad && (month <= 0 || month > 12))
                    {
                        range = "month";
                    }

                    break;
                case Std.WeekDay or Std.LongWeekDay:
                    bad = Lookup(std == Std.WeekDay ? ShortDays : LongDays, ref value) < 0;
                    break;
                case Std.Day or Std.UnderDay or Std.ZeroDay:
                    if (std == Std.UnderDay && value.Length > 0 && value[0] == ' ')
                    {
                        value = value[1..];
                    }

                    bad = !GetNum(ref value, std == Std.ZeroDay, out day);
                    break;
                case Std.UnderYearDay or Std.ZeroYearDay:
                    for (var k = 0; k < 2 && std == Std.UnderYearDay && value.Length > 0 && value[0] == ' '; k++)
                    {
                        value = value[1..];
                    }

                    bad = !GetNum3(ref value, std == Std.ZeroYearDay, out yday);
                    if (!bad && (yday < 1 || yday > 366))
                    {
                        range = "day-of-year";
                    }

                    break;
                case Std.Hour:
                    bad = !GetNum(ref value, false, out hour);
                    if (!bad && (hour < 0 || hour >= 24))
                    {
                        range = "hour";
                    }

                    break;
                case Std.Hour12 or Std.ZeroHour12:
                    bad = !GetNum(ref value, std == Std.ZeroHour12, out hour);
                    if (!bad && (hour < 0 || hour > 12))
                    {
                        range = "hour";
                    }

                    break;
                case Std.Minute or Std.ZeroMinute:
                    bad = !GetNum(ref value, std == Std.ZeroMinute, out minute);
                    if (!bad && (minute < 0 || minute >= 60))
                    {
                        range = "minute";
                    }

                    break;
                case Std.Second or Std.ZeroSecond:
                    bad = !GetNum(ref value, std == Std.ZeroSecond, out second);
                    if (bad)
                    {
                        break;
                    }

                    if (second < 0 || second >= 60)
                    {
                        range = "second";
                        break;
                    }

                    // A fractional second in the value that the layout does not spell out.
                    if (value.Length >= 2 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1]))
                    {
                        var nextStd = Next(layout).Std;
                        if (nextStd is Std.FracSecond0 or Std.FracSecond9)
                        {
                            break;
                        }

                        var n = 2;
                        while (n < value.Length && char.IsAsciiDigit(value[n]))
                        {
                            n++;
                        }

                        nanos = Nanoseconds(value, n);
                        value = value[n..];
                    }

                    break;
                case Std.PM:
                    if (value.Length < 2)
                    {
                        bad = true;
                        break;
                    }

                    (pmSet, amSet, bad) = value[..2] switch
                    {
                        "PM" => (true, amSet, false),
                        "AM" => (pmSet, true, false),
                        _ => (pmSet, amSet, true),
                    };
                    value = bad ? value : value[2..];
                    break;
                case Std.Lowerpm:
                    if (value.Length < 2)
                    {
                        bad = true;
                        break;
                    }

                    (pmSet, amSet, bad) = value[..2] switch
                    {
                        "pm" => (true, amSet, false),
                        "am" => (pmSet, true, false),
                        _ => (pmSet, amSet, true),
                    };
                    value = bad ? value : value[2..];
                    break;
                case Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ
                    or Std.NumTZ or Std.NumColonTZ or Std.NumSecondsTZ or Std.NumShortTZ or Std.NumColonSecondsTZ:
                    if (std is Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ
                        && value.Length >= 1 && value[0] == 'Z')
                    {
                        value = value[1..];
                        zoneOffset = 0;
                        zoneName = "UTC";
                        break;
                    }

                    (bad, range) = ParseOffset(std, ref value, out var parsed);
                    if (!bad && range is null)
                    {
                        zoneOffset = parsed;
                    }

                    break;
                case Std.TZ:
                    if (value.Length >= 3 && value.StartsWith("UTC", StringComparison.Ordinal))
                    {
                        value = value[3..];
                        zoneOffset = 0;
                        zoneName = "UTC";
                        break;
                    }

                    var length = ZoneAbbreviationLength(value, out var gmtOffset);
                    if (length <= 0)
                    {
                        bad = true;
                        break;
                    }

                    zoneName = value[..length];
                    zoneOffset ??= gmtOffset;
                    value = value[length..];
                    break;
                case Std.FracSecond0:
                    var ndigit = 1 + digits;
                    if (value.Length < ndigit || value[0] is not ('.' or ',') || !AllDigits(value[1..ndigit]))
                    {
                        bad = true;
                        break;
                    }

                    nanos = Nanoseconds(value, ndigit);
                    value = value[ndigit..];
                    break;
                case Std.FracSecond9:
                    if (value.Length < 2 || value[0] is not ('.' or ',') || !char.IsAsciiDigit(value[1]))
                    {
                        break;
                    }

                    var i = 0;
                    while (i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
                    {
                        i++;
                    }

                    nanos = Nanoseconds(value, 1 + i);
                    value = value[(1 + i)..];
                    break;
            }

            if (range is not null)
            {
                throw new BuiltinException($"parsing time {Quote(originalValue)}: {range} out of range");
            }

            if (bad)
            {
                throw Error(originalLayout, originalValue, stdText, hold, null);
            }
        }

        if (pmSet && hour < 12)
        {
            hour += 12;
        }
        else if (amSet && hour == 12)
        {
            hour = 0;
        }

        if (yday >= 0)
        {
            var leap = GoTime.DaysIn(2, year) == 29;
            if (yday > (leap ? 366 : 365))
            {
                throw new BuiltinException($"parsing time {Quote(originalValue)}: day-of-year out of range");
            }

            var (_, m, d) = GoTime.CivilFromDays(GoTime.DaysFromCivil(year, 1, 1) + yday - 1);
            if ((month >= 0 && month != m) || (day >= 0 && day != d))
            {
                throw new BuiltinException($"parsing time {Quote(originalValue)}: day-of-year does not match {(month >= 0 && month != m ? "month" : "day")}");
            }

            month = m;
            day = d;
        }
        else
        {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }

        if (day < 1 || day > GoTime.DaysIn(month, year))
        {
            throw new BuiltinException($"parsing time {Quote(originalValue)}: day out of range");
        }

        var local = ((GoTime.DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (minute * 60) + second);
        var unix = local - (zoneOffset ?? 0);
        var total = ((System.Numerics.BigInteger)unix * GoTime.NanosPerSecond) + nanos;
        if (total < long.MinValue || total > long.MaxValue)
        {
            throw new BuiltinException("time outside of valid range");
        }

        return new GoTime((long)total, GoZone.Utc);
    }

    private static BuiltinException Error(string layout, string value, string layoutElem, string valueElem, string? message) =>
        new(message ?? $"parsing time {Quote(value)} as {Quote(layout)}: cannot parse {Quote(valueElem)} as {Quote(layoutElem)}");

    public static string Quote(string s) => StringFormatting.Quote(s);
}
