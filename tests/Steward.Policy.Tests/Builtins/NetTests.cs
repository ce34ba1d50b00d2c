namespace Steward.Policy.Tests.Builtins;

public sealed class NetTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false)]
    [InlineData("2001:db8::/32", "2001:db8::1", true)]
    [InlineData("2001:db8::/32", "10.0.0.1", false)]
    public void CidrContains(string cidr, string other, bool expected) =>
        Assert.Equal(expected ? "true" : "false", Call.Json("net.cidr_contains", Call.Str(cidr), Call.Str(other)));

    [Fact]
    public void CidrErrors()
    {
        Assert.Equal("invalid CIDR address: 10.0.0.0", Call.Error("net.cidr_contains", "\"10.0.0.0\"", "\"10.0.0.1\""));
        Assert.Equal("not a valid textual representation of an IP address or CIDR: nope", Call.Error("net.cidr_contains", "\"10.0.0.0/8\"", "\"nope\""));
        Assert.Equal("operand 1 must be string but got number", Call.TypeError("net.cidr_contains", "\"10.0.0.0/8\"", "1"));
        Assert.Equal("false", Call.Json("net.cidr_is_valid", "\"10.0.0.256/8\""));
        Assert.Equal("false", Call.Json("net.cidr_is_valid", "\"010.0.0.1/8\""));
        Assert.Equal("true", Call.Json("net.cidr_is_valid", "\"::/0\""));
    }

    [Fact]
    public void CidrIntersectsAndExpand()
    {
        Assert.Equal("true", Call.Json("net.cidr_intersects", "\"192.168.0.0/16\"", "\"192.168.1.0/24\""));
        Assert.Equal("false", Call.Json("net.cidr_intersects", "\"192.168.0.0/24\"", "\"192.168.1.0/24\""));
        Assert.Equal("[\"192.168.1.0\",\"192.168.1.1\",\"192.168.1.2\",\"192.168.1.3\"]", Call.Json("net.cidr_expand", "\"192.168.1.1/30\""));
        Assert.Equal("[\"2001:db8::\",\"2001:db8::1\"]", Call.Json("net.cidr_expand", "\"2001:db8::/127\""));
    }

    [Fact]
    public void CidrContainsMatches_ReportsIndexPairs() =>
        Assert.Equal(
            "[[\"a\",0],[\"b\",1]]",
            Call.Json("net.cidr_contains_matches", "{\"a\": \"10.0.0.0/8\", \"b\": [\"192.168.0.0/16\", \"x\"]}", "[\"10.1.1.1\", \"192.168.5.5\"]"));

    [Fact]
    public void CidrMerge_JoinsAdjacentAndContainedBlocks()
    {
        Assert.Equal("[\"192.0.128.0/23\"]", Call.Json("net.cidr_merge", "[\"192.0.128.0/24\", \"192.0.129.0/24\"]"));
        Assert.Equal("[\"10.0.0.0/8\"]", Call.Json("net.cidr_merge", "[\"10.0.0.0/8\", \"10.1.0.0/16\", \"10.0.0.0/8\"]"));
        Assert.Equal("[\"10.0.0.0/31\",\"10.0.0.2/32\"]", Call.Json("net.cidr_merge", "[\"10.0.0.0/32\", \"10.0.0.1/32\", \"10.0.0.2/32\"]"));
        Assert.Equal("[\"2001:db8::/31\"]", Call.Json("net.cidr_merge", "[\"2001:db8::/32\", \"2001:db9::/32\"]"));
        Assert.Equal("IPv6 invalid: needs prefix length", Call.Error("net.cidr_merge", "[\"::1\"]"));
    }
}
