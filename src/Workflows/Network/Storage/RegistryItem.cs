namespace Workflows.Network.Storage;

/// <summary>
/// One item of an entity's collection (a person on a course's roster), stored as a row of its own beside the entity
/// so a change to one item neither reads nor writes the others. Items change only together with their entity, whose
/// version guards them.
/// </summary>
/// <param name="Key">The item's key within its entity (for example a lower-case email address).</param>
/// <param name="Json">The item as JSON; in a write, null removes the item.</param>
public sealed record RegistryItem(string Key, string? Json);
