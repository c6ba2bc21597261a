using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Orchestrations;

/// <summary>
/// January's strategy revision: the working group meets (invitation with the agenda: review the annual report,
/// evaluate last year's action plan, revise it, start planning the intro course, basic course and subject day);
/// afterwards the network leader uploads the revised action plan, reminded weekly, and it goes to the whole network.
/// </summary>
[DurableTask(Name)]
public sealed class StrategyRevisionOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "StrategyRevision";

    /// <summary>Days after the meeting the plan is due when the calendar says nothing.</summary>
    public const int DefaultPlanDays = 21;

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = await WheelSteps.InviteRemindAndHoldAsync(context, input);
        var due = input.FollowUpBy ?? input.LastDate.AddDays(DefaultPlanDays);
        var (collected, plan) = await WheelSteps.CollectAndShareAsync(context, input, WheelDocumentKind.ActionPlan, due, status);
        return WheelSteps.Report(context, collected with { Phase = plan is null ? WheelPhase.DocumentMissing : WheelPhase.Done });
    }
}
