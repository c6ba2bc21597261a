using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>Tells the network leader that the nearest leader has nominated a replacement.</summary>
public sealed class AnnounceReplacement(NetworkRegistry registry, Messaging.NetworkMail mail) : KeyedActivity<AnnounceReplacement.Input>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        await mail.SendAsync(
            context,
            nurse.Network,
            "replacement-nominated",
            [nurse.Network.NetworkLeader],
            new Dictionary<string, object?>
            {
                ["networkLeader"] = nurse.Network.NetworkLeader.Name,
                ["leader"] = nurse.NearestLeader.Name,
                ["replacement"] = input.Nomination.ReplacementName,
                ["unit"] = nurse.Unit.Name,
                ["nurse"] = nurse.Nurse.Name,
            }).ConfigureAwait(false);
    }

    /// <summary>The resigning nurse and the nomination.</summary>
    /// <param name="NurseId">The resigning nurse.</param>
    /// <param name="Nomination">The nomination.</param>
    public sealed record Input(string NurseId, NominationEvent Nomination);
}
