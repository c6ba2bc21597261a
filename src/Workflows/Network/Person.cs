namespace Workflows.Network;

/// <summary>Someone the network writes to: a leader, a member of the working or steering group.</summary>
/// <param name="Name">The full name.</param>
/// <param name="Email">The email address.</param>
public sealed record Person(string Name, string Email);
