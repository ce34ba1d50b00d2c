namespace Steward.Pii.Anonymization.Operators;

/// <summary>An anonymizer or deanonymizer operator: checks its parameters, then turns an entity's text into new text.</summary>
internal abstract class Operator
{
    /// <summary>The name used in requests (<c>"type"</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Throws <see cref="PiiRequestException"/> when <paramref name="config"/> is unusable.</summary>
    public virtual void Validate(OperatorConfig config)
    {
    }

    /// <summary>The new text for <paramref name="text"/>, an entity of <paramref name="entityType"/>.</summary>
    public abstract string Apply(string text, string entityType, OperatorConfig config);

    /// <summary>The error for an invalid parameter.</summary>
    protected PiiRequestException Invalid(string message) => new($"Invalid input, operator '{Name}': {message}");
}
