using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Orchestrations;

/// <summary>
/// A local area's gathering: invite the area's resource nurses, remind them, hold it; then the area leader uploads
/// the minutes (asked weekly until the follow-up day), and the minutes go to the leaders of the area's nurses.
/// </summary>
[DurableTask(Name)]
public sealed class LocalGatheringOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "LocalGathering";

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = await WheelSteps.InviteRemindAndHoldAsync(context, input);
        if (input.FollowUpBy is not { } due)
        {
            return WheelSteps.Report(context, status with { Phase = WheelPhase.Done });
        }

        var (collected, minutes) = await WheelSteps.CollectAndShareAsync(context, input, WheelDocumentKind.Minutes, due, status);
        return WheelSteps.Report(context, collected with { Phase = minutes is null ? WheelPhase.DocumentMissing : WheelPhase.Done });
    }
}
