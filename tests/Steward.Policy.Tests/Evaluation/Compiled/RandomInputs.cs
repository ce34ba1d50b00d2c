using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Random input documents built from a vocabulary (the words a policy library uses), so that the fields and
/// values the rules test turn up often: nested objects, arrays, strings, numbers of every kind, booleans, null.
/// </summary>
internal sealed class RandomInputs(IReadOnlyList<string> vocabulary, int seed)
{
    private static readonly Value[] Numbers =
    [
        NumberValue.Of(0), NumberValue.Of(1), NumberValue.Of(-1), NumberValue.Of(200), NumberValue.Of(204),
        NumberValue.Of(299), NumberValue.Of(404), NumberValue.Of(100000), ValueJson.Parse("0.5"), ValueJson.Parse("0.93"),
        ValueJson.Parse("1.5"), ValueJson.Parse("-0.2"), ValueJson.Parse("1e3"),
    ];

    private readonly Random _random = new(seed);

    /// <summary>Any document: an object of vocabulary keys (sometimes not an object at all).</summary>
    public Value Next() => _random.Next(20) == 0 ? Any(1) : Object(3);

    /// <summary>A response as the sidecar builds it, with random parts.</summary>
    public Value AiResponse()
    {
        var text = string.Join(' ', Enumerable.Range(0, _random.Next(1, 40)).Select(_ => Word()));
        var prediction = new ObjectBuilder();
        prediction.Set(new StringValue("text"), new StringValue(text));
        prediction.Set(new StringValue("label"), _random.Next(3) == 0 ? Any(1) : new StringValue(Word()));
        prediction.Set(new StringValue("confidence"), _random.Next(4) == 0 ? Any(1) : Numbers[_random.Next(Numbers.Length)]);
        for (var i = _random.Next(3); i > 0; i--)
        {
            prediction.Set(new StringValue(Word()), Any(2));
        }

        var request = new ObjectBuilder();
        request.Set(new StringValue("method"), new StringValue(_random.Next(4) == 0 ? "HEAD" : "POST"));
        request.Set(new StringValue("body"), Any(2));
        var input = new ObjectBuilder();
        input.Set(new StringValue("phase"), new StringValue(_random.Next(5) switch { 0 => "request", 1 => Word(), _ => "response" }));
        input.Set(new StringValue("status"), Numbers[_random.Next(Numbers.Length)]);
        input.Set(new StringValue("model"), _random.Next(5) == 0 ? Any(1) : new StringValue(Word()));
        input.Set(new StringValue("content_type"), new StringValue("application/json"));
        input.Set(new StringValue("request"), request.Build());
        input.Set(new StringValue("prediction"), _random.Next(6) == 0 ? Any(1) : prediction.Build());
        return input.Build();
    }

    private string Word() => vocabulary[_random.Next(vocabulary.Count)];

    private Value Any(int depth) => _random.Next(depth <= 0 ? 5 : 7) switch
    {
        0 => NullValue.Instance,
        1 => BooleanValue.Of(_random.Next(2) == 0),
        2 => Numbers[_random.Next(Numbers.Length)],
        3 or 4 => new StringValue(Word()),
        5 => new ArrayValue([.. Enumerable.Range(0, _random.Next(4)).Select(_ => Any(depth - 1))]),
        _ => Object(depth - 1),
    };

    private ObjectValue Object(int depth)
    {
        var builder = new ObjectBuilder();
        for (var i = _random.Next(1, 7); i > 0; i--)
        {
            builder.Set(new StringValue(Word()), Any(depth));
        }

        return builder.Build();
    }
}
