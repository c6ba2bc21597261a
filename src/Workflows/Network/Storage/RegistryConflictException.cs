namespace Workflows.Network.Storage;

/// <summary>A write lost a race or met an entity that exists already (HTTP 409).</summary>
public sealed class RegistryConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
