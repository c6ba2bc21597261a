using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Tells the network leader that a signer has not signed after the reminders.</summary>
public sealed class EscalateSigning(NetworkRegistry registry, NetworkMail mail) : KeyedActivity<SigningStep>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, SigningStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        await mail.SendAsync(
            context,
            nurse.Network,
            "signing-escalation",
            [nurse.Network.NetworkLeader],
            SigningModel(nurse, input)).ConfigureAwait(false);
    }

    internal static Dictionary<string, object?> SigningModel(NurseContext nurse, SigningStep step) => new()
    {
        ["networkLeader"] = nurse.Network.NetworkLeader.Name,
        ["nurse"] = nurse.Nurse.Name,
        ["unit"] = nurse.Unit.Name,
        ["waitingFor"] = Signers.For(step.Role, nurse).Name,
        ["role"] = nurse.Words.SignerRole(step.Role).ToLowerInvariant(),
        ["reminders"] = step.Reminder,
        ["deadline"] = NorwegianDates.DayAndTime(step.Deadline),
    };
}
