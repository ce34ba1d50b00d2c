using Steward.Policy.Builtins;
using Steward.Policy.Builtins.Signatures;

namespace Steward.Policy.Tests.TypeCheck;

/// <summary>The hand-written signature table stays in step with the registered built-ins.</summary>
public sealed class SignatureTableTests
{
    [Fact]
    public void EverySignature_NamesARegisteredBuiltinOfTheSameArity()
    {
        var registry = BuiltinRegistry.CreateDefault();
        Assert.NotEmpty(SignatureTable.All);
        Assert.All(SignatureTable.All.Values, signature =>
        {
            Assert.True(registry.TryGet(signature.Name, out var builtin), signature.Name);
            Assert.Equal(builtin.Arity, signature.Arguments.Count);
        });
    }

    [Fact]
    public void Signatures_PrintAsOpaDoes()
    {
        Assert.True(SignatureTable.TryGet("count", out var count));
        Assert.Equal("any<array[any], object[any: any], set[any], string>", count.Arguments[0].ToString());
        Assert.Equal("number", count.Result.ToString());
    }
}
