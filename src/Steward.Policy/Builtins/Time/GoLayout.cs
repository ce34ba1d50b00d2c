namespace Steward.Policy.Builtins;

/// <summary>Splits a Go time layout into literal text and layout elements (Go's nextStdChunk).</summary>
internal static class GoLayout
{
    public static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    public static readonly string[] LongMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    public static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    public static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The named layouts OPA accepts for time.format and time.parse_ns.</summary>
    public static string Named(string layout) => layout switch
    {
        "ANSIC" => "Mon Jan _2 15:04:05 2006",
        "UnixDate" => "Mon Jan _2 15:04:05 MST 2006",
        "RubyDate" => "Mon Jan 02 15:04:05 -0700 2006",
        "RFC822" => "02 Jan 06 15:04 MST",
        "RFC822Z" => "02 Jan 06 15:04 -0700",
        "RFC850" => "Monday, 02-Jan-06 15:04:05 MST",
        "RFC1123" => "Mon, 02 Jan 2006 15:04:05 MST",
        "RFC1123Z" => "Mon, 02 Jan 2006 15:04:05 -0700",
        "RFC3339" => "2006-01-02T15:04:05Z07:00",
        "RFC3339Nano" => "2006-01-02T15:04:05.999999999Z07:00",
        _ => layout,
    };

    /// <summary>The next element: the literal before it, the element and the text after it; Std is None at the end.</summary>
    public static (string Prefix, Std Std, int Digits, char Separator, string Element, string Suffix) Next(string layout)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var c = layout[i];
            var rest = layout[i..];
            Std std = Std.None;
            var length = 0;
            var digits = 0;
            var separator = '.';
            switch (c)
            {
                case 'J':
                    if (rest.StartsWith("Jan", StringComparison.Ordinal))
                    {
                        (std, length) = rest.StartsWith("January", StringComparison.Ordinal) ? (Std.LongMonth, 7) : (Std.Month, 3);
                    }

                    break;
                case 'M':
                    if (rest.StartsWith("Mon", StringComparison.Ordinal))
                    {
                        (std, length) = rest.StartsWith("Monday", StringComparison.Ordinal) ? (Std.LongWeekDay, 6) : (Std.WeekDay, 3);
                    }
                    else if (rest.StartsWith("MST", StringComparison.Ordinal))
                    {
                        (std, length) = (Std.TZ, 3);
                    }

                    break;
                case '0':
                    if (rest.Length >= 2 && rest[1] >= '1' && rest[1] <= '6')
                    {
                        std = rest[1] switch
                        {
                            '1' => Std.ZeroMonth,
                            '2' => Std.ZeroDay,
                            '3' => Std.ZeroHour12,
                            '4' => Std.ZeroMinute,
                            '5' => Std.ZeroSecond,
                            _ => Std.Year,
                        };
                        length = 2;
                    }
                    else if (rest.StartsWith("002", StringComparison.Ordinal))
                    {
                        (std, length) = (Std.ZeroYearDay, 3);
                    }

                    break;
                case '1':
                    (std, length) = rest.StartsWith("15", StringComparison.Ordinal) ? (Std.Hour, 2) : (Std.NumMonth, 1);
                    break;
                case '2':
                    (std, length) = rest.StartsWith("2006", StringComparison.Ordinal) ? (Std.LongYear, 4) : (Std.Day, 1);
                    break;
                case '_':
                    if (rest.StartsWith("_2", StringComparison.Ordinal))
                    {
                        if (rest.StartsWith("_2006", StringComparison.Ordinal))
                        {
                            return (layout[..(i + 1)], Std.LongYear, 0, '.', "2006", layout[(i + 5)..]);
                        }

                        (std, length) = (Std.UnderDay, 2);
                    }
                    else if (rest.StartsWith("__2", StringComparison.Ordinal))
                    {
                        (std, length) = (Std.UnderYearDay, 3);
                    }

                    break;
                case '3':
                    (std, length) = (Std.Hour12, 1);
                    break;
                case '4':
                    (std, length) = (Std.Minute, 1);
                    break;
                case '5':
                    (std, length) = (Std.Second, 1);
                    break;
                case 'P':
                    if (rest.StartsWith("PM", StringComparison.Ordinal))
                    {
                        (std, length) = (Std.PM, 2);
                    }

                    break;
                case 'p':
                    if (rest.StartsWith("pm", StringComparison.Ordinal))
                    {
                        (std, length) = (Std.Lowerpm, 2);
                    }

                    break;
                case '-':
                    (std, length) = rest switch
                    {
                        _ when rest.StartsWith("-070000", StringComparison.Ordinal) => (Std.NumSecondsTZ, 7),
                        _ when rest.StartsWith("-07:00:00", StringComparison.Ordinal) => (Std.NumColonSecondsTZ, 9),
                        _ when rest.StartsWith("-0700", StringComparison.Ordinal) => (Std.NumTZ, 5),
                        _ when rest.StartsWith("-07:00", StringComparison.Ordinal) => (Std.NumColonTZ, 6),
                        _ when rest.StartsWith("-07", StringComparison.Ordinal) => (Std.NumShortTZ, 3),
                        _ => (Std.None, 0),
                    };
                    break;
                case 'Z':
                    (std, length) = rest switch
                    {
                        _ when rest.StartsWith("Z070000", StringComparison.Ordinal) => (Std.ISO8601SecondsTZ, 7),
                        _ when rest.StartsWith("Z07:00:00", StringComparison.Ordinal) => (Std.ISO8601ColonSecondsTZ, 9),
                        _ when rest.StartsWith("Z0700", StringComparison.Ordinal) => (Std.ISO8601TZ, 5),
                        _ when rest.StartsWith("Z07:00", StringComparison.Ordinal) => (Std.ISO8601ColonTZ, 6),
                        _ when rest.StartsWith("Z07", StringComparison.Ordinal) => (Std.ISO8601ShortTZ, 3),
                        _ => (Std.None, 0),
                    };
                    break;
                case '.' or ',':
                    if (i + 1 < layout.Length && layout[i + 1] is '0' or '9')
                    {
                        var ch = layout[i + 1];
                        var j = i + 1;
                        while (j < layout.Length && layout[j] == ch)
                        {
                            j++;
                        }

                        if (!(j < layout.Length && char.IsAsciiDigit(layout[j])))
                        {
                            std = ch == '0' ? Std.FracSecond0 : Std.FracSecond9;
                            digits = j - (i + 1);
                            separator = c;
                            length = j - i;
                        }
                    }

                    break;
            }

            if (std != Std.None)
            {
                return (layout[..i], std, digits, separator, layout.Substring(i, length), layout[(i + length)..]);
            }
        }

        return (layout, Std.None, 0, '.', string.Empty, string.Empty);
    }

    /// <summary>Layout elements.</summary>
    public enum Std
    {
        None,
        LongMonth,
        Month,
        NumMonth,
        ZeroMonth,
        LongWeekDay,
        WeekDay,
        Day,
        UnderDay,
        ZeroDay,
        UnderYearDay,
        ZeroYearDay,
        Hour,
        Hour12,
        ZeroHour12,
        Minute,
        ZeroMinute,
        Second,
        ZeroSecond,
        LongYear,
        Year,
        PM,
        Lowerpm,
        TZ,
        ISO8601TZ,
        ISO8601SecondsTZ,
        ISO8601ShortTZ,
        ISO8601ColonTZ,
        ISO8601ColonSecondsTZ,
        NumTZ,
        NumSecondsTZ,
        NumShortTZ,
        NumColonTZ,
        NumColonSecondsTZ,
        FracSecond0,
        FracSecond9,
    }
}
