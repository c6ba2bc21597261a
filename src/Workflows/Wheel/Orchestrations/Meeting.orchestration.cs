using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Orchestrations;

/// <summary>A meeting with nothing to collect afterwards (the leaders' digital meeting, a working-group meeting): invite, remind, hold.</summary>
[DurableTask(Name)]
public sealed class MeetingOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Meeting";

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = await WheelSteps.InviteRemindAndHoldAsync(context, input);
        return WheelSteps.Report(context, status with { Phase = WheelPhase.Done });
    }
}
