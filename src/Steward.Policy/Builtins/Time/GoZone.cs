namespace Steward.Policy.Builtins;

/// <summary>A time zone as Go's time package sees it: an offset and an abbreviation for each instant.</summary>
internal sealed class GoZone
{
    private readonly TimeZoneInfo? _zone;

    private GoZone(TimeZoneInfo? zone) => _zone = zone;

    public static GoZone Utc { get; } = new(null);

    public static GoZone From(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" || zone == TimeZoneInfo.Utc ? Utc : new GoZone(zone);

    /// <summary>Loads an IANA zone; "" and "UTC" are UTC, "Local" is the clock's zone.</summary>
    public static GoZone Load(string name, TimeProvider time)
    {
        switch (name)
        {
            case "" or "UTC":
                return Utc;
            case "Local":
                return From(time.LocalTimeZone);
        }

        try
        {
            return new GoZone(TimeZoneInfo.FindSystemTimeZoneById(name));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new BuiltinException($"unknown time zone {name}");
        }
    }

    /// <summary>The offset in seconds east of UTC and the zone abbreviation at an instant.</summary>
    public (int Offset, string Name) Lookup(long unixSeconds)
    {
        if (_zone is null)
        {
            return (0, "UTC");
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, -62135596800L, 253402300799L));
        var offset = (int)_zone.GetUtcOffset(instant).TotalSeconds;
        var name = _zone.IsDaylightSavingTime(instant) ? _zone.DaylightName : _zone.StandardName;
        if (string.IsNullOrEmpty(name) || name.Contains(' ', StringComparison.Ordinal))
        {
            name = string.Empty;
        }

        return (offset, name);
    }

    /// <summary>The offset for a wall-clock time in this zone (the first reading when ambiguous).</summary>
    public int OffsetForLocal(long localSeconds)
    {
        if (_zone is null)
        {
            return 0;
        }

        // Try the offset at the naive instant, then correct once (enough for real zone transitions).
        var guess = Lookup(localSeconds).Offset;
        var corrected = Lookup(localSeconds - guess).Offset;
        return corrected;
    }
}
