using Workflows.Network;

namespace Workflows.Waiting;

/// <summary>A resignation whose nearest leader has not yet nominated a replacement.</summary>
/// <param name="InstanceId">The resignation.</param>
/// <param name="Nurse">The nurse who is leaving.</param>
/// <param name="UnitName">The unit that needs a new resource nurse.</param>
/// <param name="Leader">The nearest leader who is asked.</param>
/// <param name="Reminders">Reminders sent to the leader.</param>
public sealed record OpenReplacementRequest(string InstanceId, ResourceNurse Nurse, string UnitName, Person Leader, int Reminders);
