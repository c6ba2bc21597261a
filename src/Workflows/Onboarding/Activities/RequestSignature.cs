using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Emails the signer whose turn it is a personal, single-use signing link (first request and reminders).</summary>
public sealed class RequestSignature(NetworkRegistry registry, NetworkMail mail, WorkflowLinks links) : KeyedActivity<SigningStep>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, SigningStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        var signer = Signers.For(input.Role, nurse);
        var link = links.For(new LinkClaim(
            WorkflowLinks.SignPurpose, input.InstanceId, input.NurseId, input.Role.ToString(), input.TokenId, new DateTimeOffset(input.Deadline, TimeSpan.Zero)));
        await mail.SendAsync(
            context,
            nurse.Network,
            "signing-request",
            [signer],
            new Dictionary<string, object?>
            {
                ["recipient"] = signer.Name,
                ["nurse"] = nurse.Nurse.Name,
                ["role"] = nurse.Words.SignerRole(input.Role).ToLowerInvariant(),
                ["link"] = link.ToString(),
                ["deadline"] = NorwegianDates.DayAndTime(input.Deadline),
                ["reminder"] = input.Reminder,
                ["networkLeader"] = nurse.Network.NetworkLeader.Name,
            }).ConfigureAwait(false);
    }
}
