using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Waiting;

/// <summary>An onboarding waiting for someone to sign the function description.</summary>
/// <param name="InstanceId">The onboarding.</param>
/// <param name="Nurse">The nurse being onboarded.</param>
/// <param name="UnitName">The nurse's unit.</param>
/// <param name="WaitingFor">Whose turn it is.</param>
/// <param name="Signer">Who that is.</param>
/// <param name="Reminders">Reminders sent to that signer.</param>
/// <param name="Deadline">When the signing expires (UTC).</param>
public sealed record PendingSignature(
    string InstanceId, ResourceNurse Nurse, string UnitName, SignerRole WaitingFor, Person Signer, int Reminders, DateTime? Deadline);
