namespace Workflows.Network;

/// <summary>An entity as read, with the version a later write must name (sent as the HTTP ETag).</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Version">Its stored version.</param>
/// <typeparam name="T">The entity type.</typeparam>
public sealed record Versioned<T>(T Entity, long Version);
