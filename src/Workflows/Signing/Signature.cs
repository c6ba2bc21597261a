namespace Workflows.Signing;

/// <summary>One signature on a function description: who, in which role, when, and from where.</summary>
/// <param name="Role">The signer's role.</param>
/// <param name="Name">The signer's name.</param>
/// <param name="SignedAt">When the signer confirmed.</param>
/// <param name="IpAddress">The address the confirmation came from.</param>
/// <param name="UserAgent">The browser that sent it.</param>
public sealed record Signature(SignerRole Role, string Name, DateTimeOffset SignedAt, string IpAddress, string UserAgent);
