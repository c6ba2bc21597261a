namespace Workflows.Network;

/// <summary>An entity breaks the registry's rules: each field and what is wrong with it (HTTP 422).</summary>
public sealed class RegistryValidationException : Exception
{
    /// <summary>Creates the exception from the faults found.</summary>
    public RegistryValidationException(IEnumerable<KeyValuePair<string, string>> faults)
        : base("The entity is not valid.")
    {
        // Grouped by the name clients see, so "UnitId" and "unitId" are one field.
        Errors = faults.GroupBy(f => JsonName(f.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Creates the exception for one field.</summary>
    public RegistryValidationException(string field, string message)
        : this([new KeyValuePair<string, string>(field, message)])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryValidationException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>Field (in the API's camelCase) to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
