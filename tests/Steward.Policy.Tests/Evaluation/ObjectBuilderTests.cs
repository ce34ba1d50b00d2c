using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>Objects come out sorted by key with the last value of a repeated key, small (insertion) and large alike.</summary>
public sealed class ObjectBuilderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(60)]
    public void KeysAreSortedAndTheLastValueWins(int entries)
    {
        var random = new Random(entries);
        for (var round = 0; round < 50; round++)
        {
            var builder = new ObjectBuilder();
            var added = new List<(Value Key, Value Value)>();
            for (var i = 0; i < entries; i++)
            {
                // Strings, integers and an equal float (1 and 1.0 are one key), with repeats.
                Value key = random.Next(4) switch
                {
                    0 => NumberValue.Of(random.Next(6)),
                    1 => NumberValue.Of(1.0),
                    _ => new StringValue("k" + random.Next(entries)),
                };
                Value value = NumberValue.Of(i);
                builder.Set(key, value);
                added.Add((key, value));
            }

            var expected = added
                .GroupBy(e => e.Key)
                .Select(g => (g.Key, g.Last().Value))
                .OrderBy(e => e.Key, Comparer<Value>.Create(Value.Compare))
                .ToList();
            var built = builder.Build();
            Assert.Equal(expected.Select(e => e.Key), built.Keys.ToArray());
            Assert.Equal(expected.Select(e => e.Value), built.Values.ToArray());
        }
    }
}
