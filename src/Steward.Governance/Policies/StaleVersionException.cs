namespace Steward.Governance.Policies;

/// <summary>Another writer changed the same module or path between reading its version and appending; the store retries.</summary>
internal sealed class StaleVersionException : Exception
{
    public StaleVersionException()
    {
    }

    public StaleVersionException(string message)
        : base(message)
    {
    }

    public StaleVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
