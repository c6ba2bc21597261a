using Workflows.Network;

namespace Workflows.Signing;

/// <summary>Who signs a nurse's function description in each role: the one place this is decided.</summary>
public static class Signers
{
    /// <summary>The person who signs as <paramref name="role"/>: the nurse, her nearest leader, or the network leader.</summary>
    public static Person For(SignerRole role, ResourceNurse nurse, Person nearestLeader, CompetenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(nurse);
        ArgumentNullException.ThrowIfNull(network);
        return role switch
        {
            SignerRole.Nurse => new Person(nurse.Name ?? string.Empty, nurse.Email ?? string.Empty),
            SignerRole.NearestLeader => nearestLeader,
            SignerRole.NetworkLeader => network.NetworkLeader,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a signer role."),
        };
    }

    /// <summary>The person who signs as <paramref name="role"/> for the nurse in <paramref name="nurse"/>.</summary>
    public static Person For(SignerRole role, NurseContext nurse)
    {
        ArgumentNullException.ThrowIfNull(nurse);
        return For(role, nurse.Nurse, nurse.NearestLeader, nurse.Network);
    }
}
