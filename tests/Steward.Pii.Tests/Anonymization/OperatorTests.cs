using Steward.Pii.Anonymization;

namespace Steward.Pii.Tests.Anonymization;

public sealed class OperatorTests
{
    private static readonly AnonymizerEngine Engine = new();

    private static string Apply(string text, OperatorConfig config) =>
        Engine.Anonymize(text, [new("CREDIT_CARD", 0, text.Length, 1.0)], new Dictionary<string, OperatorConfig> { ["CREDIT_CARD"] = config }).Text;

    [Theory]
    [InlineData("*", 12, false, "************1111")]
    [InlineData("*", 4, true, "411111111111****")]
    [InlineData("#", 100, false, "################")]
    [InlineData("*", 0, true, "4111111111111111")]
    [InlineData("*", -3, false, "4111111111111111")]
    public void Mask_MasksTheAskedCharacters(string maskingChar, int count, bool fromEnd, string expected)
    {
        Assert.Equal(expected, Apply("4111111111111111", new OperatorConfig("mask") { MaskingChar = maskingChar, CharsToMask = count, FromEnd = fromEnd }));
    }

    [Fact]
    public void Replace_WithoutNewValue_GivesTheEntityType()
    {
        Assert.Equal("<CREDIT_CARD>", Apply("4111111111111111", new OperatorConfig("replace")));
        Assert.Equal("<CREDIT_CARD>", Apply("4111111111111111", new OperatorConfig("replace") { NewValue = "" }));
    }

    [Fact]
    public void Redact_AndKeep()
    {
        Assert.Equal("", Apply("4111111111111111", new OperatorConfig("redact")));
        var kept = Engine.Anonymize("x 4111", [new("CREDIT_CARD", 2, 6, 1)], new Dictionary<string, OperatorConfig> { ["DEFAULT"] = new("keep") });
        Assert.Equal("x 4111", kept.Text);
        Assert.Equal(new AnonymizedItem("keep", "CREDIT_CARD", 2, 6, "4111"), Assert.Single(kept.Items));
    }

    [Fact]
    public void Hash_WithASalt_IsTheDigestOfTextThenSalt_AsPythonsHashlibComputesIt()
    {
        // python3: hashlib.sha256('Jane Doe'.encode() + 'sixteen-byte-salt'.encode()).hexdigest()
        Assert.Equal("ee6e0ef91c1e82ab82ba923da8fe15bf67d07dd4bda491562b23bb184bf847da",
            Apply("Jane Doe", new OperatorConfig("hash") { Salt = "sixteen-byte-salt" }));
        Assert.Equal("e1771d1631c059e0a81dec99d3dcddd59d49752906f958af6429b138dfceeedd9f39eb309316473c6bef6a4fdcfe20e368e757387abe9b359739fade57d12e02",
            Apply("Jane Doe", new OperatorConfig("hash") { Salt = "sixteen-byte-salt", HashType = "sha512" }));
    }

    [Fact]
    public void Hash_WithoutASalt_DrawsAFreshSaltPerEntity()
    {
        var result = Engine.Anonymize("Jane Doe / Jane Doe", [new("PERSON", 0, 8, 1), new("PERSON", 11, 19, 1)],
            new Dictionary<string, OperatorConfig> { ["PERSON"] = new("hash") });

        Assert.Equal(2, result.Items.Count);
        Assert.All(result.Items, i => Assert.Matches("^[0-9a-f]{64}$", i.Text));
        Assert.NotEqual(result.Items[0].Text, result.Items[1].Text);
    }

    [Fact]
    public void EncryptThenDecrypt_RoundTripsThroughTheEngines()
    {
        const string key = "WmZq4t7w!z%C&F)J";
        var text = "Card 4111 1111 1111 1111 belongs to Zoë";
        var anonymized = Engine.Anonymize(text, [new("CREDIT_CARD", 5, 24, 1), new("PERSON", 36, 39, 0.85)],
            new Dictionary<string, OperatorConfig> { ["DEFAULT"] = new("encrypt") { Key = key } });

        Assert.DoesNotContain("4111", anonymized.Text, StringComparison.Ordinal);
        var spans = anonymized.Items.Select(i => new EntitySpan(i.EntityType, i.Start, i.End));
        var restored = Engine.Deanonymize(anonymized.Text, spans, new Dictionary<string, OperatorConfig> { ["DEFAULT"] = new("decrypt") { Key = key } });

        Assert.Equal(text, restored.Text);
        Assert.Contains(restored.Items, i => i is { Operator: "decrypt", EntityType: "PERSON", Text: "Zoë" } && restored.Text[i.Start..i.End] == "Zoë");
    }

    [Theory]
    [InlineData("mask", "masking_char is required")]
    [InlineData("hash-md5", "hash_type must be one of sha256, sha512")]
    [InlineData("hash-short-salt", "salt must be at least 16 bytes")]
    [InlineData("encrypt-no-key", "key is required")]
    [InlineData("encrypt-short-key", "key must be of length 128, 192 or 256 bits")]
    [InlineData("mask-two-chars", "masking_char must be exactly one character")]
    [InlineData("mask-no-count", "chars_to_mask is required")]
    [InlineData("fpe", "unknown anonymizer 'fpe'; supported: replace, redact, mask, hash, encrypt, keep")]
    public void BadOperatorParameters_AreRefusedWithAClearMessage(string which, string message)
    {
        OperatorConfig config = which switch
        {
            "mask" => new("mask") { CharsToMask = 2 },
            "hash-md5" => new("hash") { HashType = "md5" },
            "hash-short-salt" => new("hash") { Salt = "short" },
            "encrypt-no-key" => new("encrypt"),
            "encrypt-short-key" => new("encrypt") { Key = "0123456789" },
            "mask-two-chars" => new("mask") { MaskingChar = "**", CharsToMask = 2 },
            "mask-no-count" => new("mask") { MaskingChar = "*" },
            _ => new(which),
        };
        var e = Assert.Throws<PiiRequestException>(() => Apply("4111", config));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deanonymize_WithoutAnOperatorForAType_IsRefused()
    {
        var e = Assert.Throws<PiiRequestException>(() => Engine.Deanonymize("abc", [new("PERSON", 0, 3)], new Dictionary<string, OperatorConfig>()));
        Assert.Contains("no deanonymizer for entity type 'PERSON'", e.Message, StringComparison.Ordinal);
    }
}
