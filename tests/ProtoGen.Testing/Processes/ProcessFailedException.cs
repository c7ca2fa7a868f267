using System;

namespace ProtoGen.Testing.Processes;

/// <summary>A process did not succeed where a test needed it to; the message has its command and output.</summary>
public sealed class ProcessFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProcessFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ProcessFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ProcessFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="result"/>.</summary>
    /// <param name="result">The failed run.</param>
    /// <param name="message">The message (<see cref="ProcessResult.Describe"/>).</param>
    public ProcessFailedException(ProcessResult result, string message)
        : base(message) => Result = result;

    /// <summary>The failed run, when there was one.</summary>
    public ProcessResult? Result { get; }
}
