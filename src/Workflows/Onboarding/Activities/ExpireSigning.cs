using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Marks the nurse's signing as expired and tells the network leader.</summary>
public sealed class ExpireSigning(NetworkRegistry registry, NetworkMail mail) : KeyedActivity<SigningStep>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, SigningStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await registry.ChangeAsync<ResourceNurse>(
            input.NurseId,
            nurse => nurse.Status == NurseStatus.Onboarding ? nurse with { Status = NurseStatus.SigningExpired } : nurse,
            $"orchestration:{context.InstanceId}").ConfigureAwait(false);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        await mail.SendAsync(
            context,
            nurse.Network,
            "signing-expired",
            [nurse.Network.NetworkLeader],
            EscalateSigning.SigningModel(nurse, input)).ConfigureAwait(false);
    }
}
