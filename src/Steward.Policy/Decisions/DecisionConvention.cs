using Steward.Policy.Values;

namespace Steward.Policy.Decisions;

/// <summary>
/// Reads a policy document by the allow/deny convention: for a package <c>data.X</c> the input is allowed when
/// <c>X.allow</c> is <c>true</c> (or there is no <c>allow</c>) and <c>X.deny</c> is empty or absent; the deny messages
/// are <c>X.deny</c>'s strings or the <c>msg</c> of its objects. A non-empty <c>deny</c> always denies, even with
/// <c>allow</c> true: a violation named by the policy is never passed. A path that is itself a boolean (e.g.
/// <c>data.X.allow</c>) allows when it is true.
/// </summary>
public static class DecisionConvention
{
    /// <summary>Interprets a policy document.</summary>
    /// <param name="path">The path decided (for messages).</param>
    /// <param name="result">The document, or null when undefined.</param>
    /// <returns>Whether allowed, the deny messages and an error when the document breaks the convention.</returns>
    public static (bool Allowed, IReadOnlyList<string> Deny, PolicyDecisionError? Error) Interpret(PolicyPath path, Value? result)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (result is null)
            return Fail(DecisionErrorCodes.Undefined, $"{path} is undefined (no policy or rule at that path)");
        if (result is BooleanValue b)
            return b.Value ? (true, [], null) : (false, [$"{path} is false"], null);
        if (result is not ObjectValue document)
            return Fail(DecisionErrorCodes.BadResult, $"{path} is a {result.TypeName}, not an object with allow/deny or a boolean");

        var deny = document.Get("deny");
        List<string> messages = [];
        switch (deny)
        {
            case null:
                break;
            case SetValue set:
                foreach (var item in set.Items) messages.Add(Message(item));
                break;
            case ArrayValue array:
                foreach (var item in array.Items) messages.Add(Message(item));
                break;
            default:
                return Fail(DecisionErrorCodes.BadResult, $"{path}.deny is a {deny.TypeName}, not a set of messages");
        }

        var allow = document.Get("allow");
        if (allow is not null and not BooleanValue)
        {
            return Fail(DecisionErrorCodes.BadResult, $"{path}.allow is a {allow.TypeName}, not a boolean");
        }

        var allowed = (allow is null || allow.IsTrue) && messages.Count == 0;
        if (!allowed && messages.Count == 0) messages.Add($"{path}.allow is not true");
        return (allowed, messages, null);
    }

    private static string Message(Value item) => item switch
    {
        StringValue s => s.Value,
        ObjectValue o when o.Get("msg") is StringValue msg => msg.Value,
        _ => item.ToJson(),
    };

    private static (bool, IReadOnlyList<string>, PolicyDecisionError?) Fail(string code, string message) =>
        (false, [$"{code}: {message}"], new PolicyDecisionError(code, message));
}
