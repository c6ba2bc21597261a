using Workflows.Network;

namespace Workflows.Documents.Letters;

/// <summary>Who a nurse's documents concern: the network, the nurse, the unit and the nearest leader.</summary>
/// <param name="Network">The network.</param>
/// <param name="Nurse">The resource nurse.</param>
/// <param name="Unit">The nurse's unit.</param>
/// <param name="NearestLeader">The nurse's nearest leader.</param>
public sealed record LetterParties(CompetenceNetwork Network, ResourceNurse Nurse, Unit Unit, Person NearestLeader);
