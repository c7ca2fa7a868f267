using System;

namespace ProtoGen.Testing;

/// <summary>
/// Thrown when a snapshot's received text differs from its verified file, or the verified file
/// is missing. The message names both files and carries a unified diff.
/// </summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Initializes a new instance with no details.</summary>
    public SnapshotMismatchException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a failed comparison.</summary>
    /// <param name="message">The message, including the diff.</param>
    /// <param name="verifiedFile">Full path of the <c>.verified.</c> file.</param>
    /// <param name="receivedFile">Full path of the <c>.received.</c> file that was written.</param>
    public SnapshotMismatchException(string message, string verifiedFile, string receivedFile)
        : base(message)
    {
        VerifiedFile = verifiedFile;
        ReceivedFile = receivedFile;
    }

    /// <summary>Gets the full path of the <c>.verified.</c> file, which may not exist.</summary>
    public string VerifiedFile { get; } = "";

    /// <summary>Gets the full path of the <c>.received.</c> file holding the new text.</summary>
    public string ReceivedFile { get; } = "";
}
