using Workflows.Signing;

namespace Workflows.Messaging;

/// <summary>A genuine link for the page it was opened on.</summary>
/// <param name="Claim">What the link was made for.</param>
/// <param name="Expired">Past its expiry: the page says what it was for and refuses it.</param>
public sealed record OpenedLink(LinkClaim Claim, bool Expired);
