namespace Workflows.Network.Storage;

/// <summary>One stored registry entity: its kind, id, network, JSON and version (0 = not stored yet).</summary>
/// <param name="Kind">The entity kind (<c>network</c>, <c>area</c>, <c>unit</c>, <c>nurse</c>).</param>
/// <param name="Id">The entity's id.</param>
/// <param name="NetworkId">The network it belongs to.</param>
/// <param name="Json">The entity as JSON.</param>
/// <param name="Version">Incremented by each write; writes name the version they read.</param>
public sealed record RegistryRecord(string Kind, string Id, string NetworkId, string Json, long Version);
