namespace Workflows.Resignation;

/// <summary>Raised on the resignation when the leader nominates a replacement through the link.</summary>
/// <param name="TokenId">The nomination link used.</param>
/// <param name="ReplacementNurseId">The new nurse, registered and onboarding.</param>
/// <param name="ReplacementName">The new nurse's name, for the network leader's notice.</param>
public sealed record NominationEvent(string TokenId, string ReplacementNurseId, string ReplacementName)
{
    /// <summary>The event name.</summary>
    public const string Name = "replacement-nominated";

    /// <summary>The event an operator raises to stop asking for a replacement.</summary>
    public const string ClosedName = "replacement-closed";
}
