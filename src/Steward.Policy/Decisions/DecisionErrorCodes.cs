namespace Steward.Policy.Decisions;

/// <summary>The codes of decisions that failed closed, besides the engine's own (<see cref="ErrorCodes"/>).</summary>
public static class DecisionErrorCodes
{
    /// <summary>The policy produced no document at the path (no package, or no rule applied).</summary>
    public const string Undefined = "policy_undefined";

    /// <summary>The policy's document does not follow the allow/deny convention (e.g. <c>allow</c> is not a boolean).</summary>
    public const string BadResult = "policy_bad_result";

    /// <summary>The decision took longer than its time limit.</summary>
    public const string Timeout = "policy_timeout";

    /// <summary>The engine failed unexpectedly.</summary>
    public const string EngineError = "policy_engine_error";

    /// <summary>The remote engine could not be reached.</summary>
    public const string Unreachable = "opa_unreachable";

    /// <summary>The remote engine answered with an HTTP error status.</summary>
    public const string HttpError = "opa_http_error";

    /// <summary>The remote engine's answer is not OPA's <c>{"result": ...}</c> JSON.</summary>
    public const string MalformedResponse = "opa_malformed_response";
}
