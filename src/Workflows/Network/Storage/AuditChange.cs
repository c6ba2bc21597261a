namespace Workflows.Network.Storage;

/// <summary>
/// A field's value before and after a change, as JSON text (null when the field was absent); for a list, the items
/// taken out and the items put in.
/// </summary>
/// <param name="Before">The value before (a list's items taken out).</param>
/// <param name="After">The value after (a list's items put in).</param>
public sealed record AuditChange(string? Before, string? After);
