namespace Steward.Testing;

/// <summary>
/// What a test does when something it needs from outside (PostgreSQL, Chromium, conformance data, a tool) is
/// missing: it skips and says why, except under <c>STEWARD_REQUIRE_ALL=1</c> (set by .ci/run), where nothing may skip.
/// </summary>
internal static class Requirements
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("STEWARD_REQUIRE_ALL") == "1";

    /// <summary>Skips the running test with <paramref name="reason"/>, or fails it under STEWARD_REQUIRE_ALL=1.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Unavailable(string reason)
    {
        if (RequireAll) Assert.Fail($"{reason} (STEWARD_REQUIRE_ALL=1 forbids skipping)");
        Assert.Skip(reason);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }
}
