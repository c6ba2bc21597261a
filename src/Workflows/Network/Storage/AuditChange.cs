namespace Workflows.Network.Storage;

/// <summary>A field's value before and after a change, as JSON text (null when the field was absent).</summary>
/// <param name="Before">The value before.</param>
/// <param name="After">The value after.</param>
public sealed record AuditChange(string? Before, string? After);
