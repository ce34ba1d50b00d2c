using System.Text;
using System.Text.Json;
using Steward.Drift.Profiles;

namespace Steward.Drift.Tests.Profiles;

/// <summary>The steward.drift.profile/v1 file: what it holds, a faithful round trip, and malformed files refused with their position.</summary>
public sealed class ProfileJsonTests
{
    private static DriftProfile Sample(ProfileMode mode) => DriftProfile.FromTable(new DriftTable(
    [
        DriftColumn.FromNumbers("amount", SketchData.Sample("lognormal", 5000, 1).Append(double.NaN).ToArray()),
        DriftColumn.FromLabels("region", Enumerable.Range(0, 5001).Select(i => i % 10 == 0 ? null : "r" + (i % 4)).ToArray()),
    ]), new ProfileOptions { Mode = mode, SketchK = 64 });

    [Theory]
    [InlineData(ProfileMode.Exact)]
    [InlineData(ProfileMode.Sketch)]
    public void Round_Trip_Keeps_Every_Field(ProfileMode mode)
    {
        var profile = Sample(mode);
        var back = ExactProfileTests.RoundTrip(profile);
        Assert.Equal(profile.RowCount, back.RowCount);
        Assert.Equal(profile.Options, back.Options);
        for (var i = 0; i < profile.Columns.Count; i++)
        {
            var (a, b) = (profile.Columns[i], back.Columns[i]);
            Assert.Equal((a.Name, a.Kind, a.Count, a.MissingCount, a.Min, a.Max, a.Mean, a.M2, a.OtherCount, a.IsSketch), (b.Name, b.Kind, b.Count, b.MissingCount, b.Min, b.Max, b.Mean, b.M2, b.OtherCount, b.IsSketch));
            Assert.Equal(a.ExactValues, b.ExactValues);
            Assert.Equal(a.Categories?.OrderBy(p => p.Key), b.Categories?.OrderBy(p => p.Key));
            if (a.Sketch is { } sketch)
            {
                Assert.Equal(sketch.WeightedValues().Values, b.Sketch!.WeightedValues().Values);
                Assert.Equal(sketch.WeightedValues().Weights, b.Sketch.WeightedValues().Weights);
            }
        }
        Assert.Equal(1, profile.Columns[0].MissingCount);
        Assert.Equal(501, profile.Columns[1].MissingCount);
    }

    [Fact]
    public void File_Is_The_Documented_Json()
    {
        using var stream = new MemoryStream();
        Sample(ProfileMode.Sketch).WriteTo(stream);
        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal("steward.drift.profile/v1", root.GetProperty("format").GetString());
        Assert.Equal(5001, root.GetProperty("row_count").GetInt64());
        Assert.Equal("sketch", root.GetProperty("options").GetProperty("mode").GetString());
        var amount = root.GetProperty("columns")[0];
        Assert.Equal("numbers", amount.GetProperty("kind").GetString());
        Assert.Equal(64, amount.GetProperty("sketch").GetProperty("k").GetInt32());
        Assert.True(amount.GetProperty("sketch").GetProperty("levels").GetArrayLength() > 1);
        Assert.False(amount.TryGetProperty("values", out _));
        var region = root.GetProperty("columns")[1];
        Assert.Equal(1250, region.GetProperty("categories").GetProperty("r1").GetInt64());
    }

    [Theory]
    [InlineData("{\"format\": \"steward.drift.profile/v1\",\n \"row_count\": 1,,}", "invalid JSON at line 2")]
    [InlineData("[]", "$: expected a JSON object")]
    [InlineData("{\"format\": \"steward.drift.profile/v9\"}", "$.format")]
    [InlineData("{\"format\": \"steward.drift.profile/v1\", \"row_count\": -1}", "$.row_count: expected a non-negative integer")]
    [InlineData(Header + "[{\"name\": \"x\", \"kind\": \"words\", \"count\": 1, \"missing\": 0}]}", "$.columns[0].kind")]
    [InlineData(Header + "[{\"name\": \"x\", \"kind\": \"numbers\", \"count\": 2, \"missing\": 0, \"min\": 1, \"max\": 2, \"mean\": 1.5, \"m2\": 0.5, \"values\": [2, 1]}]}", "$.columns[0].values[1]: values are not sorted")]
    [InlineData(Header + "[{\"name\": \"x\", \"kind\": \"numbers\", \"count\": 2, \"missing\": 0, \"min\": 1, \"max\": 2, \"mean\": 1.5, \"m2\": 0.5, \"values\": [1, \"2\"]}]}", "$.columns[0].values[1]: expected a finite number")]
    [InlineData(Header + "[{\"name\": \"x\", \"kind\": \"numbers\", \"count\": 3, \"missing\": 0, \"min\": 1, \"max\": 2, \"mean\": 1.5, \"m2\": 0.5, \"values\": [1, 2]}]}", "holds 2 values, count says 3")]
    [InlineData(Header + "[{\"name\": \"x\", \"kind\": \"numbers\", \"count\": 3, \"missing\": 0, \"min\": 1, \"max\": 2, \"mean\": 1.5, \"m2\": 0.5, \"sketch\": {\"k\": 8, \"count\": 3, \"levels\": [[1, 2]]}}]}", "$.columns[0].sketch: the sketch's levels weigh 2, its count says 3")]
    [InlineData(Header + "[{\"name\": \"c\", \"kind\": \"labels\", \"count\": 3, \"missing\": 0, \"categories\": {\"a\": 1}, \"other\": 1}]}", "do not add up to count")]
    [InlineData(Header + "[{\"name\": \"c\", \"kind\": \"labels\", \"count\": 2, \"missing\": 1, \"categories\": {\"a\": 2}, \"other\": 0}]}", "differ from row_count 2")]
    public void Malformed_Files_Name_The_Position(string json, string message)
    {
        var error = Assert.Throws<DriftException>(() => DriftProfile.ReadFrom(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private const string Header = "{\"format\": \"steward.drift.profile/v1\", \"row_count\": 2, \"options\": {\"mode\": \"auto\", \"exact_limit\": 100000, \"sketch_k\": 1000, \"max_categories\": 10000}, \"columns\": ";
}
