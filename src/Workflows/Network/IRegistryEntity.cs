namespace Workflows.Network;

/// <summary>Something the registry keeps: a network, a local area, a unit, a resource nurse.</summary>
public interface IRegistryEntity
{
    /// <summary>The kind's name in storage and in the audit log.</summary>
    static abstract string Kind { get; }

    /// <summary>The entity's id, unique within its kind.</summary>
    string Id { get; }

    /// <summary>The network the entity belongs to (a network's own id for a network).</summary>
    string NetworkId { get; }

    /// <summary>Checks the entity on its own (required fields, formats): field name and message for each fault.</summary>
    IEnumerable<KeyValuePair<string, string>> Validate();
}
