namespace Steward.Policy.Tests.Builtins;

public sealed class JsonSchemaTests
{
    private const string Schema =
        "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\", \"minimum\": 1}, \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}, \"color\": {\"enum\": [\"red\", \"green\"]}}, \"required\": [\"id\"], \"additionalProperties\": false}";

    [Fact]
    public void VerifySchema_AcceptsValidSchemasAndExplainsInvalidOnes()
    {
        Assert.Equal("[true,null]", Call.Json("json.verify_schema", Schema));
        Assert.Equal("[true,null]", Call.Json("json.verify_schema", Call.Str(Schema)));
        Assert.StartsWith("[false,\"jsonschema: has a primitive type that is NOT VALID -- given: strin", Call.Json("json.verify_schema", "{\"type\": \"strin\"}"), StringComparison.Ordinal);
        Assert.Equal("[false,\"jsonschema: invalid JSON string\"]", Call.Json("json.verify_schema", "\"{\""));
    }

    [Fact]
    public void MatchSchema_ReportsGojsonschemaErrors()
    {
        Assert.Equal("[true,[]]", Call.Json("json.match_schema", "{\"id\": 5, \"tags\": [\"a\"], \"color\": \"red\"}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"id is required\",\"error\":\"(root): id is required\",\"field\":\"(root)\",\"type\":\"required\"}]]",
            Call.Json("json.match_schema", "{}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"Invalid type. Expected: integer, given: string\",\"error\":\"id: Invalid type. Expected: integer, given: string\",\"field\":\"id\",\"type\":\"invalid_type\"}]]",
            Call.Json("json.match_schema", "{\"id\": \"x\"}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"Invalid type. Expected: string, given: integer\",\"error\":\"tags.1: Invalid type. Expected: string, given: integer\",\"field\":\"tags.1\",\"type\":\"invalid_type\"}]]",
            Call.Json("json.match_schema", "{\"id\": 1, \"tags\": [\"a\", 2]}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"Must be greater than or equal to 1\",\"error\":\"id: Must be greater than or equal to 1\",\"field\":\"id\",\"type\":\"number_gte\"}]]",
            Call.Json("json.match_schema", "{\"id\": 0}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"color must be one of the following: \\\"red\\\", \\\"green\\\"\",\"error\":\"color: color must be one of the following: \\\"red\\\", \\\"green\\\"\",\"field\":\"color\",\"type\":\"enum\"}]]",
            Call.Json("json.match_schema", "{\"id\": 1, \"color\": \"blue\"}", Schema));
        Assert.Equal(
            "[false,[{\"desc\":\"Additional property x is not allowed\",\"error\":\"(root): Additional property x is not allowed\",\"field\":\"(root)\",\"type\":\"additional_property_not_allowed\"}]]",
            Call.Json("json.match_schema", "{\"id\": 1, \"x\": 1}", Schema));
    }

    [Fact]
    public void MatchSchema_StopsOnASchemaThatOnlyRefersToItself() =>
        Assert.Contains("recurse too deeply", Call.Error("json.match_schema", "{}", "{\"$ref\": \"#\"}"), StringComparison.Ordinal);

    [Fact]
    public void MatchSchema_FollowsReferences()
    {
        const string schema = "{\"definitions\": {\"pos\": {\"type\": \"number\", \"exclusiveMinimum\": 0}}, \"type\": \"array\", \"items\": {\"$ref\": \"#/definitions/pos\"}}";
        Assert.Equal("[true,[]]", Call.Json("json.match_schema", "[1, 2.5]", schema));
        Assert.StartsWith("[false,[{\"desc\":\"Must be greater than 0\"", Call.Json("json.match_schema", "[1, 0]", schema), StringComparison.Ordinal);
    }
}
