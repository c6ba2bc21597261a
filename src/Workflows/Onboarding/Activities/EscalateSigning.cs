using Workflows.Durable;
using Workflows.Messaging;
using Workflows.Network;

namespace Workflows.Onboarding.Activities;

/// <summary>Tells the network leader that a signer has not signed after the reminders.</summary>
public sealed class EscalateSigning(NetworkRegistry registry, NetworkMail mail) : TaskActivity<SigningStep, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, SigningStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        await mail.SendAsync(
            context,
            nurse.Network,
            "signing-escalation",
            [nurse.Network.NetworkLeader],
            SigningModel(nurse, input)).ConfigureAwait(false);
        return true;
    }

    internal static Dictionary<string, object?> SigningModel(NurseContext nurse, SigningStep step) => new()
    {
        ["networkLeader"] = nurse.Network.NetworkLeader.Name,
        ["nurse"] = nurse.Nurse.Name,
        ["unit"] = nurse.Unit.Name,
        ["waitingFor"] = SignerLookup.Signer(nurse, step.Role).Name,
        ["role"] = nurse.Words.SignerRole((int)step.Role).ToLowerInvariant(),
        ["reminders"] = step.Reminder,
        ["deadline"] = NorwegianDates.DayAndTime(step.Deadline),
    };
}
