using System.Globalization;
using System.Text;
using static Steward.Policy.Builtins.GoLayout;

namespace Steward.Policy.Builtins;

/// <summary>Go's Time.Format.</summary>
internal static class GoTimeFormat
{
    public static string Format(GoTime t, string layout)
    {
        var b = new StringBuilder();
        var (year, month, day) = t.Date;
        var (hour, minute, second) = t.Clock;
        var (offset, zoneName) = t.ZoneInfo;
        while (layout.Length > 0)
        {
            var (prefix, std, digits, separator, _, suffix) = Next(layout);
            b.Append(prefix);
            if (std == Std.None)
            {
                break;
            }

            layout = suffix;
            switch (std)
            {
                case Std.Year:
                    Pad(b, Math.Abs(year % 100), 2);
                    break;
                case Std.LongYear:
                    if (year < 0)
                    {
                        b.Append('-');
                    }

                    Pad(b, Math.Abs(year), 4);
                    break;
                case Std.Month:
                    b.Append(ShortMonths[month - 1]);
                    break;
                case Std.LongMonth:
                    b.Append(LongMonths[month - 1]);
                    break;
                case Std.NumMonth:
                    b.Append(month);
                    break;
                case Std.ZeroMonth:
                    Pad(b, month, 2);
                    break;
                case Std.WeekDay:
                    b.Append(ShortDays[t.Weekday]);
                    break;
                case Std.LongWeekDay:
                    b.Append(LongDays[t.Weekday]);
                    break;
                case Std.Day:
                    b.Append(day);
                    break;
                case Std.UnderDay:
                    b.Append(day < 10 ? " " : string.Empty).Append(day);
                    break;
                case Std.ZeroDay:
                    Pad(b, day, 2);
                    break;
                case Std.UnderYearDay:
                    b.Append(t.YearDay.ToString(CultureInfo.InvariantCulture).PadLeft(3, ' '));
                    break;
                case Std.ZeroYearDay:
                    Pad(b, t.YearDay, 3);
                    break;
                case Std.Hour:
                    Pad(b, hour, 2);
                    break;
                case Std.Hour12:
                    b.Append(hour % 12 == 0 ? 12 : hour % 12);
                    break;
                case Std.ZeroHour12:
                    Pad(b, hour % 12 == 0 ? 12 : hour % 12, 2);
                    break;
                case Std.Minute:
                    b.Append(minute);
                    break;
                case Std.ZeroMinute:
                    Pad(b, minute, 2);
                    break;
                case Std.Second:
                    b.Append(second);
                    break;
                case Std.ZeroSecond:
                    Pad(b, second, 2);
                    break;
                case Std.PM:
                    b.Append(hour >= 12 ? "PM" : "AM");
                    break;
                case Std.Lowerpm:
                    b.Append(hour >= 12 ? "pm" : "am");
                    break;
                case Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ
                    or Std.NumTZ or Std.NumColonTZ or Std.NumSecondsTZ or Std.NumShortTZ or Std.NumColonSecondsTZ:
                    AppendOffset(b, std, offset);
                    break;
                case Std.TZ:
                    if (zoneName.Length > 0)
                    {
                        b.Append(zoneName);
                    }
                    else
                    {
                        var zone = offset / 60;
                        b.Append(zone < 0 ? '-' : '+');
                        Pad(b, Math.Abs(zone) / 60, 2);
                        Pad(b, Math.Abs(zone) % 60, 2);
                    }

                    break;
                case Std.FracSecond0:
                    b.Append(separator).Append(t.Nanosecond.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(digits, 9)]);
                    break;
                case Std.FracSecond9:
                    var frac = t.Nanosecond.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(digits, 9)].TrimEnd('0');
                    if (frac.Length > 0)
                    {
                        b.Append(separator).Append(frac);
                    }

                    break;
            }
        }

        return b.ToString();
    }

    private static void AppendOffset(StringBuilder b, Std std, int offset)
    {
        var iso = std is Std.ISO8601TZ or Std.ISO8601ColonTZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonSecondsTZ;
        if (iso && offset == 0)
        {
            b.Append('Z');
            return;
        }

        var zone = offset / 60;
        var abs = Math.Abs(offset);
        b.Append(zone < 0 || offset < 0 ? '-' : '+');
        zone = Math.Abs(zone);
        Pad(b, zone / 60, 2);
        var colon = std is Std.ISO8601ColonTZ or Std.NumColonTZ or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ;
        if (colon)
        {
            b.Append(':');
        }

        if (std is not Std.NumShortTZ and not Std.ISO8601ShortTZ)
        {
            Pad(b, zone % 60, 2);
        }

        if (std is Std.ISO8601SecondsTZ or Std.NumSecondsTZ or Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
        {
            if (colon)
            {
                b.Append(':');
            }

            Pad(b, abs % 60, 2);
        }
    }

    private static void Pad(StringBuilder b, long value, int width) =>
        b.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
}
