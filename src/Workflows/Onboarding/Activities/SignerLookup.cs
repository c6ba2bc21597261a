using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Onboarding.Activities;

/// <summary>Who holds a signer role for a nurse.</summary>
internal static class SignerLookup
{
    public static Person Signer(NurseContext nurse, SignerRole role) => role switch
    {
        SignerRole.Nurse => nurse.NurseContact,
        SignerRole.NearestLeader => nurse.NearestLeader,
        _ => nurse.Network.NetworkLeader,
    };
}
