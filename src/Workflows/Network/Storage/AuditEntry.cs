namespace Workflows.Network.Storage;

/// <summary>One change to the registry: who, when, what.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: <c>operator</c>, <c>signing</c>, <c>orchestration:{instance}</c>, …</param>
/// <param name="Kind">The entity kind.</param>
/// <param name="EntityId">The entity's id.</param>
/// <param name="NetworkId">The entity's network.</param>
/// <param name="Action"><c>created</c>, <c>updated</c>, <c>deleted</c> or <c>erased</c>.</param>
/// <param name="Changes">Each changed field with its value before and after (JSON text; null when absent).</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Kind,
    string EntityId,
    string NetworkId,
    string Action,
    IReadOnlyDictionary<string, AuditChange> Changes);
