namespace Workflows.Network;

/// <summary>A resource nurse with everything around them: network, local area, unit and nearest leader.</summary>
/// <param name="Network">The network.</param>
/// <param name="Area">The nurse's local area.</param>
/// <param name="Unit">The nurse's unit.</param>
/// <param name="Nurse">The resource nurse.</param>
/// <param name="NearestLeader">The nurse's nearest leader (the nurse's own, else the unit's).</param>
public sealed record NurseContext(CompetenceNetwork Network, LocalArea Area, Unit Unit, ResourceNurse Nurse, Person NearestLeader)
{
    /// <summary>The nurse as an email recipient (empty once erased).</summary>
    public Person NurseContact => new(Nurse.Name ?? string.Empty, Nurse.Email ?? string.Empty);

    /// <summary>The words of the network's language.</summary>
    public NorwegianWords Words => NorwegianWords.For(Network.Language);
}
