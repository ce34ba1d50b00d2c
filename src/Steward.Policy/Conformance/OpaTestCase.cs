using Steward.Policy.Values;

namespace Steward.Policy.Conformance;

/// <summary>One case of an OPA YAML case file (the <c>TestCase</c> fields of OPA's <c>v1/test/cases</c>).</summary>
public sealed record OpaTestCase
{
    /// <summary>The file the case came from, relative to the directory run.</summary>
    public required string File { get; init; }

    /// <summary>The case's name.</summary>
    public required string Note { get; init; }

    /// <summary>The query.</summary>
    public string Query { get; init; } = "";

    /// <summary>The Rego modules.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>The base documents, if any.</summary>
    public Value? Data { get; init; }

    /// <summary>The input document, if given as data.</summary>
    public Value? Input { get; init; }

    /// <summary>The input document, if given as Rego term text.</summary>
    public string? InputTerm { get; init; }

    /// <summary>The expected results (one object of variable bindings per result); null when not checked.</summary>
    public IReadOnlyList<Value>? WantResult { get; init; }

    /// <summary>The expected definedness, when checked.</summary>
    public bool? WantDefined { get; init; }

    /// <summary>The expected error code, if an error is expected.</summary>
    public string? WantErrorCode { get; init; }

    /// <summary>Text the expected error message contains, if an error is expected.</summary>
    public string? WantError { get; init; }

    /// <summary>Whether results are compared without regard to order.</summary>
    public bool SortBindings { get; init; }

    /// <summary>Whether built-in errors are raised as errors.</summary>
    public bool StrictError { get; init; }
}
