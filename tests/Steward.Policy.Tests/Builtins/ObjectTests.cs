using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class ObjectTests
{
    [Fact]
    public void ObjectGet_FollowsPathsAndFallsBackToTheDefault()
    {
        Assert.Equal("1", Call.Json("object.get", "{\"a\": 1}", "\"a\"", "0"));
        Assert.Equal("0", Call.Json("object.get", "{\"a\": 1}", "\"b\"", "0"));
        Assert.Equal("\"x\"", Call.Json("object.get", "{\"a\": {\"b\": [\"x\"]}}", "[\"a\", \"b\", 0]", "0"));
        Assert.Equal("0", Call.Json("object.get", "{\"a\": {\"b\": [\"x\"]}}", "[\"a\", \"b\", 1]", "0"));
        Assert.Equal("{\"a\":1}", Call.Json("object.get", "{\"a\": 1}", "[]", "0"));
    }

    [Fact]
    public void RemoveAndFilter_AcceptArraysSetsAndObjectsOfKeys()
    {
        Assert.Equal("{\"b\":2}", Call.Json("object.remove", "{\"a\": 1, \"b\": 2}", "[\"a\"]"));
        Assert.Equal("{\"a\":1}", Call.Json("object.filter", "{\"a\": 1, \"b\": 2}", "{\"a\": 0}"));
        Assert.Equal("operand 2 must be one of {object, set, array} but got string", Call.TypeError("object.remove", "{}", "\"a\""));
        Assert.Equal("[\"a\",\"b\"]", Call.Json("object.keys", "{\"b\": 1, \"a\": 2}"));
    }

    [Fact]
    public void Union_MergesNestedObjectsAndLetsTheRightWin()
    {
        Assert.Equal("{\"a\":{\"x\":1,\"y\":3},\"b\":2}", Call.Json("object.union", "{\"a\": {\"x\": 1, \"y\": 2}}", "{\"a\": {\"y\": 3}, \"b\": 2}"));
        Assert.Equal("{\"a\":{\"c\":3}}", Call.Json("object.union_n", "[{\"a\": {\"b\": 2}}, {\"a\": 4}, {\"a\": {\"c\": 3}}]"));
        Assert.Equal("operand 1 must be array of objects but got array containing number", Call.TypeError("object.union_n", "[{}, 1]"));
    }

    [Fact]
    public void Subset_RecursesThroughObjectsSetsAndArrays()
    {
        Assert.Equal("true", Call.Json("object.subset", "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": [1, 2, 3]}", "{\"a\": {\"b\": 1}, \"d\": [2, 3]}"));
        Assert.Equal("false", Call.Json("object.subset", "{\"d\": [1, 2, 3]}", "{\"d\": [1, 3]}"));
        Assert.Equal("true", Call.Value("object.subset", new ArrayValue([NumberValue.One, NumberValue.Of(2)]), SetValue.From([NumberValue.Of(2)]))!.ToJson());
        Assert.Equal("both arguments object.subset must be of the same type or array and set", Call.TypeError("object.subset", "{}", "[]"));
    }

    [Fact]
    public void JsonFilterAndRemove_TakePointersOrSegmentArrays()
    {
        Assert.Equal("{\"a\":{\"b\":1}}", Call.Json("json.filter", "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3}", "[\"a/b\"]"));
        Assert.Equal("{\"a\":[{\"x\":1}]}", Call.Json("json.filter", "{\"a\": [{\"x\": 1, \"y\": 2}, 5]}", "[[\"a\", \"0\", \"x\"]]"));
        Assert.Equal("{\"a\":{\"c\":2},\"d\":3}", Call.Json("json.remove", "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3}", "[\"/a/b\"]"));
        Assert.Equal("{\"a\":[2]}", Call.Json("json.remove", "{\"a\": [1, 2]}", "[\"a/0\"]"));
        Assert.Equal("{\"a/b\":1}", Call.Json("json.filter", "{\"a/b\": 1, \"c\": 2}", "[\"a~1b\"]"));
        Assert.Equal("operand 2 must be one of {set, array} containing string paths or array of path segments but got number", Call.TypeError("json.filter", "{}", "[1]"));
    }

    [Fact]
    public void JsonPatch_AppliesRfc6902AndIsUndefinedOnFailure()
    {
        Assert.Equal("{\"a\":[1,2,3],\"b\":\"x\"}", Call.Json("json.patch", "{\"a\": [1, 3]}", "[{\"op\": \"add\", \"path\": \"/a/1\", \"value\": 2}, {\"op\": \"add\", \"path\": \"/b\", \"value\": \"x\"}]"));
        Assert.Equal("{\"a\":[1,3,4]}", Call.Json("json.patch", "{\"a\": [1, 3]}", "[{\"op\": \"add\", \"path\": \"/a/-\", \"value\": 4}]"));
        Assert.Equal("{\"c\":1}", Call.Json("json.patch", "{\"a\": {\"b\": 1}}", "[{\"op\": \"move\", \"from\": \"/a/b\", \"path\": \"/c\"}, {\"op\": \"remove\", \"path\": \"/a\"}]"));
        Assert.Equal("{\"a\":2}", Call.Json("json.patch", "{\"a\": 1}", "[{\"op\": \"test\", \"path\": \"/a\", \"value\": 1}, {\"op\": \"replace\", \"path\": \"/a\", \"value\": 2}]"));
        Assert.Null(Call.Json("json.patch", "{\"a\": 1}", "[{\"op\": \"test\", \"path\": \"/a\", \"value\": 2}]"));
        Assert.Null(Call.Json("json.patch", "{\"a\": 1}", "[{\"op\": \"remove\", \"path\": \"/b\"}]"));
        Assert.Equal("{\"a\":1,\"b\":1}", Call.Json("json.patch", "{\"a\": 1}", "[{\"op\": \"copy\", \"from\": \"/a\", \"path\": \"/b\"}]"));
    }

    [Fact]
    public void Walk_YieldsPathsPreOrder()
    {
        var pairs = Call.Relation("walk", ValueJson.Parse("{\"a\": [1], \"b\": 2}")).Select(v => v.ToJson()).ToList();
        Assert.Equal(
            ["[[],{\"a\":[1],\"b\":2}]", "[[\"a\"],[1]]", "[[\"a\",0],1]", "[[\"b\"],2]"],
            pairs);
    }

    [Fact]
    public void Graph_ReachableAndPaths()
    {
        const string graph = "{\"a\": [\"b\"], \"b\": [\"c\", \"a\"], \"c\": [], \"x\": [\"y\"]}";
        Assert.Equal("[\"a\",\"b\",\"c\"]", Call.Json("graph.reachable", graph, "[\"a\"]"));
        Assert.Equal("[[\"a\",\"b\"],[\"a\",\"b\",\"c\"]]", Call.Json("graph.reachable_paths", graph, "[\"a\"]"));
        Assert.Equal("[[\"x\"]]", Call.Json("graph.reachable_paths", graph, "[\"x\"]"));
        Assert.Equal("operand 2 must be {array, set} but got string", Call.TypeError("graph.reachable", graph, "\"a\""));
    }

    [Fact]
    public void ArrayAndSetFunctions()
    {
        Assert.Equal("[1,2,3]", Call.Json("array.concat", "[1]", "[2, 3]"));
        Assert.Equal("operand 2 must be array but got object", Call.TypeError("array.concat", "[]", "{}"));
        Assert.Equal("[2,3]", Call.Json("array.slice", "[1, 2, 3]", "1", "10"));
        Assert.Equal("[]", Call.Json("array.slice", "[1, 2, 3]", "2", "1"));
        Assert.Equal("[1]", Call.Json("array.slice", "[1, 2, 3]", "-5", "1"));
        Assert.Equal("[3,2,1]", Call.Json("array.reverse", "[1, 2, 3]"));
        var sets = SetValue.From([SetValue.From([NumberValue.One, NumberValue.Of(2)]), SetValue.From([NumberValue.Of(2), NumberValue.Of(3)])]);
        Assert.Equal("[2]", Call.Value("intersection", sets)!.ToJson());
        Assert.Equal("[1,2,3]", Call.Value("union", sets)!.ToJson());
        Assert.Equal("[]", Call.Value("union", SetValue.Empty)!.ToJson());
        Assert.Equal("operand 1 must be set of sets but got set containing number", Assert.Throws<Steward.Policy.Builtins.OperandTypeException>(() => Call.Value("union", SetValue.From([NumberValue.One]))).Message);
    }
}
