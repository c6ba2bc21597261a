namespace Workflows.Network;

/// <summary>The registry has no entity of that kind and id (HTTP 404).</summary>
public sealed class RegistryNotFoundException : Exception
{
    /// <summary>Creates the exception for a kind and id.</summary>
    public RegistryNotFoundException(string kind, string id)
        : base($"There is no {kind} with id '{id}'.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
