using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.WorkPlan;

/// <summary>Reminds the nurse and the nearest leader of the yearly work-plan meeting; false when the nurse has left.</summary>
public sealed class SendWorkPlanReminder(NetworkRegistry registry, NetworkMail mail) : KeyedActivity<string, bool>
{
    /// <inheritdoc />
    protected override async Task<bool> RunAsync(ActivityCall context, string input)
    {
        var nurse = await registry.FindAsync<ResourceNurse>(input).ConfigureAwait(false);
        if (nurse is null || nurse.Entity.Status is not (NurseStatus.Active or NurseStatus.Onboarding))
        {
            return false;
        }

        var about = await registry.ContextOfAsync(input).ConfigureAwait(false);
        await mail.SendAsync(
            context,
            about.Network,
            "work-plan-reminder",
            [about.NurseContact, about.NearestLeader],
            new Dictionary<string, object?>
            {
                ["nurse"] = about.Nurse.Name,
                ["leader"] = about.NearestLeader.Name,
                ["year"] = registry.Today.Year,
                ["networkLeader"] = about.Network.NetworkLeader.Name,
            }).ConfigureAwait(false);
        return true;
    }
}
