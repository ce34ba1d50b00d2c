namespace Steward.Policy.Tests.Builtins;

/// <summary>A clock stopped at one instant, in a chosen local zone.</summary>
internal sealed class FixedTime(DateTimeOffset now, TimeZoneInfo? local = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => local ?? TimeZoneInfo.Utc;
}
