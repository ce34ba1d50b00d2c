namespace Steward.Policy.Builtins;

/// <summary>An instant in a zone with Go's calendar fields (proleptic Gregorian, any year).</summary>
internal readonly record struct GoTime(long UnixNanos, GoZone Zone)
{
    public const long NanosPerSecond = 1_000_000_000L;

    public long UnixSeconds => FloorDiv(UnixNanos, NanosPerSecond);

    public int Nanosecond => (int)(UnixNanos - (UnixSeconds * NanosPerSecond));

    public (int Offset, string Name) ZoneInfo => Zone.Lookup(UnixSeconds);

    /// <summary>Seconds since the epoch on the local wall clock.</summary>
    public long LocalSeconds => UnixSeconds + ZoneInfo.Offset;

    public (long Year, int Month, int Day) Date => CivilFromDays(FloorDiv(LocalSeconds, 86400));

    public (int Hour, int Minute, int Second) Clock
    {
        get
        {
            var s = (int)(LocalSeconds - (FloorDiv(LocalSeconds, 86400) * 86400));
            return (s / 3600, s / 60 % 60, s % 60);
        }
    }

    /// <summary>0 = Sunday.</summary>
    public int Weekday => (int)(((FloorDiv(LocalSeconds, 86400) + 4) % 7 + 7) % 7);

    public int YearDay
    {
        get
        {
            var (y, _, _) = Date;
            return (int)(FloorDiv(LocalSeconds, 86400) - DaysFromCivil(y, 1, 1)) + 1;
        }
    }

    public static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    /// <summary>Days since 1970-01-01 of a date; months and days outside their ranges are normalised as Go's time.Date does.</summary>
    public static long DaysFromCivil(long year, long month, long day)
    {
        // Normalise the month into 1..12.
        var m0 = month - 1;
        year += FloorDiv(m0, 12);
        month = m0 - (FloorDiv(m0, 12) * 12) + 1;
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yoe = y - (era * 400);
        var mp = (month + 9) % 12;
        var doy = ((153 * mp) + 2) / 5;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468 + (day - 1);
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = FloorDiv(days, 146097);
        var doe = days - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }

    public static int DaysIn(int month, long year) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Go's time.Date in a zone, with normalisation; null when the result leaves the int64 nanosecond range.</summary>
    public static GoTime? FromCivil(long year, long month, long day, long hour, long minute, long second, long nanos, GoZone zone)
    {
        var localSeconds = (DaysFromCivil(year, month, 1) + day - 1) * 86400 + (hour * 3600) + (minute * 60) + second;
        localSeconds += FloorDiv(nanos, NanosPerSecond);
        nanos -= FloorDiv(nanos, NanosPerSecond) * NanosPerSecond;
        var unixSeconds = localSeconds - zone.OffsetForLocal(localSeconds);
        var total = ((System.Numerics.BigInteger)unixSeconds * NanosPerSecond) + nanos;
        return total < long.MinValue || total > long.MaxValue ? null : new GoTime((long)total, zone);
    }
}
