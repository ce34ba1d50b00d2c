namespace Steward.Ledger.Merkle;

/// <summary>Raised when a Merkle proof is malformed for the tree it claims to be about.</summary>
public sealed class MerkleProofException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MerkleProofException()
        : base("Invalid Merkle proof.")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What is wrong with the proof.</param>
    public MerkleProofException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong with the proof.</param>
    /// <param name="innerException">The underlying failure.</param>
    public MerkleProofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
