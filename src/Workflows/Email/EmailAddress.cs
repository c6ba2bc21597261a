namespace Workflows.Email;

/// <summary>A mailbox: address and display name.</summary>
/// <param name="Address">The email address.</param>
/// <param name="Name">The display name, if any.</param>
public sealed record EmailAddress(string Address, string? Name = null);
