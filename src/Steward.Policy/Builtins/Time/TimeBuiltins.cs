using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>time.* built-ins: nanoseconds since the epoch, Go layouts, IANA zones via TimeZoneInfo.</summary>
internal static class TimeBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("time.now_ns", 0, (c, _) => NumberValue.Of(c.NowNanoseconds), nondeterministic: true);
        r.Register("time.parse_ns", 2, (_, a) => NumberValue.Of(GoTimeParse.Parse(GoLayout.Named(Operand.String(a, 0)), Operand.String(a, 1)).UnixNanos));
        r.Register("time.parse_rfc3339_ns", 1, (_, a) => NumberValue.Of(GoTimeParse.Parse(GoLayout.Named("RFC3339"), Operand.String(a, 0)).UnixNanos));
        r.Register("time.parse_duration_ns", 1, (_, a) => NumberValue.Of(GoDuration.Parse(Operand.String(a, 0))));
        r.Register("time.format", 1, (c, a) => Format(c, a[0]));
        r.Register("time.date", 1, (c, a) => Date(TimeOf(c, a[0]).Time));
        r.Register("time.clock", 1, (c, a) => Clock(TimeOf(c, a[0]).Time));
        r.Register("time.weekday", 1, (c, a) => new StringValue(GoLayout.LongDays[TimeOf(c, a[0]).Time.Weekday]));
        r.Register("time.add_date", 4, (c, a) => AddDate(c, a));
        r.Register("time.diff", 2, (c, a) => Diff(TimeOf(c, a[0]).Time, TimeOf(c, a[1]).Time));
    }

    /// <summary>OPA's tzTime: a number of nanoseconds, or [ns], [ns, zone] or [ns, zone, layout].</summary>
    private static (GoTime Time, string Layout) TimeOf(BuiltinContext context, Value value)
    {
        Value nanos;
        var zone = GoZone.Utc;
        var layout = string.Empty;
        switch (value)
        {
            case ArrayValue a when a.Count > 0:
                nanos = a[0] as NumberValue ?? throw new OperandTypeException(1, "number", a[0]);
                if (a.Count > 1)
                {
                    var name = a[1] is StringValue s ? s.Value : throw new OperandTypeException(1, "string", a[1]);
                    zone = GoZone.Load(name, context.Time);
                }

                if (a.Count > 2)
                {
                    layout = a[2] is StringValue l ? l.Value : throw new OperandTypeException(1, "string", a[2]);
                }

                break;
            case NumberValue:
                nanos = value;
                break;
            default:
                throw new OperandTypeException(1, "either number (ns) or [number (ns), string (tz)]", value);
        }

        return ((NumberValue)nanos).TryGetInt64(out var ns)
            ? (new GoTime(ns, zone), layout)
            : throw new BuiltinException("timestamp too big");
    }

    private static StringValue Format(BuiltinContext context, Value value)
    {
        var (time, layout) = TimeOf(context, value);
        layout = layout.Length == 0 ? GoLayout.Named("RFC3339Nano") : GoLayout.Named(layout);
        return new StringValue(GoTimeFormat.Format(time, layout));
    }

    private static ArrayValue Date(GoTime t)
    {
        var (y, m, d) = t.Date;
        return new ArrayValue([NumberValue.Of(y), NumberValue.Of(m), NumberValue.Of(d)]);
    }

    private static ArrayValue Clock(GoTime t)
    {
        var (h, m, s) = t.Clock;
        return new ArrayValue([NumberValue.Of(h), NumberValue.Of(m), NumberValue.Of(s)]);
    }

    private static NumberValue AddDate(BuiltinContext context, ReadOnlySpan<Value> a)
    {
        var (t, _) = TimeOf(context, a[0]);
        var years = Operand.Integer(a, 1);
        var months = Operand.Integer(a, 2);
        var days = Operand.Integer(a, 3);
        var (y, m, d) = t.Date;
        var (h, mi, s) = t.Clock;
        var result = GoTime.FromCivil(y + years, m + months, d + days, h, mi, s, t.Nanosecond, t.Zone)
            ?? throw new BuiltinException("time outside of valid range");
        return NumberValue.Of(result.UnixNanos);
    }

    private static ArrayValue Diff(GoTime t1, GoTime t2)
    {
        t2 = t2 with { Zone = t1.Zone };
        if (t1.UnixNanos > t2.UnixNanos)
        {
            (t1, t2) = (t2, t1);
        }

        var (y1, m1, d1) = t1.Date;
        var (y2, m2, d2) = t2.Date;
        var (h1, mi1, s1) = t1.Clock;
        var (h2, mi2, s2) = t2.Clock;
        var year = y2 - y1;
        var month = m2 - m1;
        var day = d2 - d1;
        var hour = h2 - h1;
        var minute = mi2 - mi1;
        var second = s2 - s1;
        if (second < 0)
        {
            second += 60;
            minute--;
        }

        if (minute < 0)
        {
            minute += 60;
            hour--;
        }

        if (hour < 0)
        {
            hour += 24;
            day--;
        }

        if (day < 0)
        {
            // Days in t1's month: day 32 of the month overflows by 32 - daysIn.
            day += GoTime.DaysIn(m1, y1);
            month--;
        }

        if (month < 0)
        {
            month += 12;
            year--;
        }

        return new ArrayValue([NumberValue.Of(year), NumberValue.Of(month), NumberValue.Of(day), NumberValue.Of(hour), NumberValue.Of(minute), NumberValue.Of(second)]);
    }
}
