using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class EncodingTests
{
    [Fact]
    public void Base64_RoundTripsAndIsStrictAboutPadding()
    {
        Assert.Equal("\"aGVsbG8=\"", Call.Json("base64.encode", "\"hello\""));
        Assert.Equal("\"hello\"", Call.Json("base64.decode", "\"aGVsbG8=\""));
        Assert.Equal("illegal base64 data at input byte 4", Call.Error("base64.decode", "\"aGVsbG8\""));
        Assert.Equal("illegal base64 data at input byte 2", Call.Error("base64.decode", "\"aG$s\""));
        Assert.Equal("true", Call.Json("base64.is_valid", "\"aGVsbG8=\""));
        Assert.Equal("false", Call.Json("base64.is_valid", "\"aGVsbG8\""));
        Assert.Equal("false", Call.Json("base64.is_valid", "1"));
    }

    [Fact]
    public void Base64Url_AcceptsMissingPadding()
    {
        Assert.Equal("\"Pz8_\"", Call.Json("base64url.encode", "\"???\""));
        Assert.Equal("\"aGk\"", Call.Json("base64url.encode_no_pad", "\"hi\""));
        Assert.Equal("\"hi\"", Call.Json("base64url.decode", "\"aGk\""));
        Assert.Equal("\"???\"", Call.Json("base64url.decode", "\"Pz8_\""));
        Assert.Equal("illegal base64url string: a", Call.Error("base64url.decode", "\"a\""));
    }

    [Fact]
    public void Hex_ReportsGoErrors()
    {
        Assert.Equal("\"6869\"", Call.Json("hex.encode", "\"hi\""));
        Assert.Equal("\"hi\"", Call.Json("hex.decode", "\"6869\""));
        Assert.Equal("encoding/hex: invalid byte: U+0067 'g'", Call.Error("hex.decode", "\"6g\""));
        Assert.Equal("encoding/hex: odd length hex string", Call.Error("hex.decode", "\"686\""));
    }

    [Fact]
    public void UrlQuery_FollowsGoQueryEscape()
    {
        Assert.Equal("\"a+b%26c%3Dd%2F%C3%A9~\"", Call.Json("urlquery.encode", Call.Str("a b&c=d/é~")));
        Assert.Equal("\"a b&c\"", Call.Json("urlquery.decode", "\"a+b%26c\""));
        Assert.Equal("invalid URL escape \"%zz\"", Call.Error("urlquery.decode", "\"%zz\""));
        Assert.Equal("\"a=1&a=2&b=x+y\"", Call.Json("urlquery.encode_object", "{\"b\": \"x y\", \"a\": [\"1\", \"2\"]}"));
        Assert.Equal("{\"a\":[\"1\",\"2\"],\"b\":[\"\"]}", Call.Json("urlquery.decode_object", "\"a=1&b&a=2\""));
        Assert.Equal("operand 1 values must be string, array[string], or set[string]", Call.TypeError("urlquery.encode_object", "{\"a\": 1}"));
    }

    [Fact]
    public void JsonMarshal_WritesGoJson()
    {
        Assert.Equal(Call.Str("{\"a\":[1,2.5],\"b\":\"\\u003ctag\\u003e \\u0026\"}"), Call.Json("json.marshal", "{\"b\": \"<tag> &\", \"a\": [1, 2.5]}"));
        Assert.Equal(Call.Str("[1,2]"), Call.Value("json.marshal", SetValue.From([NumberValue.Of(2), NumberValue.One]))!.ToJson());
    }

    [Fact]
    public void JsonMarshalWithOptions_Indents()
    {
        Assert.Equal(Call.Str("{\n\t\"a\": [\n\t\t1\n\t]\n}"), Call.Json("json.marshal_with_options", "{\"a\": [1]}", "{\"pretty\": true}"));
        Assert.Equal(Call.Str("--{\n--  \"a\": {}\n--}"), Call.Json("json.marshal_with_options", "{\"a\": {}}", "{\"prefix\": \"--\", \"indent\": \"  \"}"));
        Assert.Equal(Call.Str("{\"a\":1}"), Call.Json("json.marshal_with_options", "{\"a\": 1}", "{\"pretty\": false, \"indent\": \"  \"}"));
        Assert.Equal("operand 2 object contained unknown key x", Call.TypeError("json.marshal_with_options", "1", "{\"x\": 1}"));
    }

    [Fact]
    public void JsonUnmarshal_AndIsValid()
    {
        Assert.Equal("{\"a\":[1,true,null]}", Call.Json("json.unmarshal", Call.Str("{\"a\": [1, true, null]}")));
        Assert.Equal("true", Call.Json("json.is_valid", Call.Str("[1]")));
        Assert.Equal("false", Call.Json("json.is_valid", Call.Str("[1,]")));
        Assert.Equal("unexpected EOF", Call.Error("json.unmarshal", Call.Str("{")));
        Assert.Equal("invalid character 'x' looking for beginning of value", Call.Error("json.unmarshal", Call.Str("x")));
        Assert.Equal("invalid character '}' looking for beginning of object key string", Call.Error("json.unmarshal", Call.Str("{\"a\": 1,}")));
        Assert.Equal("invalid character 'o' in literal true (expecting 'r')", Call.Error("json.unmarshal", Call.Str("to")));
        Assert.Equal("error: invalid character '2' after top-level value", Call.Error("json.unmarshal", Call.Str("1 2")));
        Assert.Equal("EOF", Call.Error("json.unmarshal", Call.Str("  ")));
    }

    [Fact]
    public void Yaml_ResolvesScalarsLikeGoYaml()
    {
        Assert.Equal("{\"a\":1,\"b\":[true,\"x\",null],\"c\":1.5,\"d\":\"1\"}", Call.Json("yaml.unmarshal", Call.Str("a: 1\nb: [yes, x, ~]\nc: 1.5\nd: \"1\"\n")));
        Assert.Equal("{\"base\":{\"k\":1},\"derived\":{\"k\":1,\"x\":2}}", Call.Json("yaml.unmarshal", Call.Str("base: &b {k: 1}\nderived:\n  <<: *b\n  x: 2\n")));
        Assert.Equal("false", Call.Json("yaml.is_valid", Call.Str("a: [1")));
        Assert.Equal("true", Call.Json("yaml.is_valid", Call.Str("a: 1")));
        const string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        Assert.Equal("yaml: document contains excessive aliasing", Call.Error("yaml.unmarshal", Call.Str(bomb)));
    }

    [Fact]
    public void YamlMarshal_WritesBlockStyle()
    {
        Assert.Equal(Call.Str("a:\n- 1\n- x: \"true\"\nb: {}\nc: hello world\n"), Call.Json("yaml.marshal", "{\"c\": \"hello world\", \"a\": [1, {\"x\": \"true\"}], \"b\": {}}"));
        Assert.Equal(Call.Str("- a\n- \"\"\n"), Call.Json("yaml.marshal", "[\"a\", \"\"]"));
    }
}
