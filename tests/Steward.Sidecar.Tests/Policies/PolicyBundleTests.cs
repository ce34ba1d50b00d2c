using Steward.Policy.Values;
using Steward.Sidecar.Policies;

namespace Steward.Sidecar.Tests.Policies;

public sealed class PolicyBundleTests
{
    private static string Dir(params (string Path, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("steward-bundle-").FullName;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return dir;
    }

    [Fact]
    public void DataFiles_ArePlacedAtTheirDirectoryPath_JsonAndYaml()
    {
        var dir = Dir(
            ("p.rego", "package p\n"),
            ("p_test.rego", "package p_test\n"),
            ("data.json", "{\"top\":1}"),
            ("config/ai/data.json", "{\"min\":0.7,\"words\":[\"a\"]}"),
            ("config/other/data.yaml", "enabled: true\ncount: 3\nratio: 0.5\nname: x\nquoted: \"true\"\nnothing: null\nlist:\n  - 1\n  - two\n"));

        var bundle = PolicyBundle.Load(dir);

        Assert.Equal(["p.rego"], bundle.Modules.Select(m => m.Name));
        Assert.Equal(
            "{\"config\":{\"ai\":{\"min\":0.7,\"words\":[\"a\"]},\"other\":{\"count\":3,\"enabled\":true,\"list\":[1,\"two\"],\"name\":\"x\",\"nothing\":null,\"quoted\":\"true\",\"ratio\":0.5}},\"top\":1}",
            bundle.Data.ToJson());
        Assert.Equal(2, PolicyBundle.Load(dir, includeTests: true).Modules.Count);
    }

    [Fact]
    public void ConflictingDataFiles_AreRefused()
    {
        var dir = Dir(("p.rego", "package p\n"), ("data.json", "{\"a\":{\"b\":1}}"), ("a/data.json", "{\"b\":2}"));
        var error = Assert.Throws<InvalidDataException>(() => PolicyBundle.Load(dir));
        Assert.Contains("conflicts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.json", "{not json")]
    [InlineData("data.yaml", "a: [1, 2")]
    [InlineData("x/data.json", "[1]")]
    public void MalformedDataFiles_NameTheFile(string file, string text)
    {
        var dir = Dir(("p.rego", "package p\n"), (file, text));
        var error = Assert.Throws<InvalidDataException>(() => PolicyBundle.Load(dir));
        Assert.StartsWith(file.Replace('/', Path.DirectorySeparatorChar), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoModules_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => PolicyBundle.Load(Dir(("data.json", "{}"))));

    [Fact]
    public void ShippedLibrary_DataIsUnderConfig()
    {
        var bundle = PolicyBundle.Load(RepoPaths.Policies);
        var config = (ObjectValue)((ObjectValue)bundle.Data.Get("config")!).Get("ai_policy")!;
        Assert.Equal(NumberValue.Of(0.7), config.Get("min_confidence"));
    }
}
