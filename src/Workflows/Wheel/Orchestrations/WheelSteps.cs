using Workflows.Durable;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Activities;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Orchestrations;

/// <summary>The steps every wheel event begins with: invite, remind on the calendar's days, wait for the day.</summary>
internal static class WheelSteps
{
    /// <summary>Reminders and requests go out in the morning, Oslo time.</summary>
    public static readonly TimeOnly MorningSend = new(8, 0);

    public static TaskOptions Retry => ActivityRetry.Default;

    /// <summary>
    /// Sends the invitations, then a reminder on each reminder day still ahead (a late start skips those already
    /// past), then waits until the event is over.
    /// </summary>
    public static async Task<WheelEventStatus> InviteRemindAndHoldAsync(TaskOrchestrationContext context, WheelOccurrence occurrence)
    {
        var status = Report(context, new WheelEventStatus { Phase = WheelPhase.Inviting });
        var invited = await context.CallActivityAsync<int>(nameof(SendWheelInvitations), new SendWheelInvitations.Input(occurrence, 0), Retry);
        status = status with { Phase = WheelPhase.Invited, Invited = invited };
        foreach (var day in occurrence.RemindersOn)
        {
            var at = NorwegianTime.At(day, MorningSend).UtcDateTime;
            if (at <= context.CurrentUtcDateTime)
            {
                continue;
            }

            Report(context, status with { NextStepAt = at });
            await context.CreateTimer(at, CancellationToken.None);
            await context.CallActivityAsync<int>(nameof(SendWheelInvitations), new SendWheelInvitations.Input(occurrence, status.Reminders + 1), Retry);
            status = status with { Reminders = status.Reminders + 1 };
        }

        status = Report(context, status with { Phase = WheelPhase.Held, NextStepAt = occurrence.Ends });
        if (occurrence.Ends.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(occurrence.Ends.UtcDateTime, CancellationToken.None);
        }

        return status with { NextStepAt = null };
    }

    public static WheelEventStatus Report(TaskOrchestrationContext context, WheelEventStatus status)
    {
        context.SetCustomStatus(status);
        return status;
    }
}
