using Workflows.Durable;
using Workflows.Network;
using Workflows.Wheel.Activities;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Wheel.Uploads;

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

    /// <summary>Days between requests for the minutes.</summary>
    public const int MinutesReminderDays = 7;

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

        var minutes = await AwaitMinutesAsync(context, input, status, NorwegianTime.StartOfDayUtc(due.AddDays(1)));
        if (minutes is null)
        {
            return WheelSteps.Report(context, status with { Phase = WheelPhase.DocumentMissing, UploadTokenId = null });
        }

        await context.CallActivityAsync<int>(nameof(SendMinutes), new SendMinutes.Input(input, minutes.DocumentKey, minutes.FileName), WheelSteps.Retry);
        return WheelSteps.Report(context, status with { Phase = WheelPhase.Done, DocumentKey = minutes.DocumentKey, UploadTokenId = null });
    }

    /// <summary>Asks for the minutes, weekly, until they come or the follow-up day has passed.</summary>
    private static async Task<DocumentUploaded?> AwaitMinutesAsync(
        TaskOrchestrationContext context, WheelOccurrence input, WheelEventStatus status, DateTime deadline)
    {
        // One wait and one link for the whole request: a reminder repeats the link, so an older email works.
        using var stop = new CancellationTokenSource();
        var uploaded = context.WaitForExternalEvent<DocumentUploaded>(DocumentUploaded.Name, stop.Token);
        var tokenId = context.NewGuid().ToString("N");
        for (var request = 0; ; request++)
        {
            await context.CallActivityAsync<bool>(nameof(RequestMinutes), new RequestMinutes.Input(input, tokenId, request), WheelSteps.Retry);
            var next = context.CurrentUtcDateTime.AddDays(MinutesReminderDays);
            var wakeAt = next < deadline ? next : deadline;
            WheelSteps.Report(context, status with { Phase = WheelPhase.AwaitingDocument, Reminders = request, UploadTokenId = tokenId, NextStepAt = wakeAt });
            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt, wait.Token);
            if (await Task.WhenAny(uploaded, timer) == uploaded)
            {
                wait.Cancel();
                return await uploaded;
            }

            if (wakeAt >= deadline)
            {
                stop.Cancel();
                return null;
            }
        }
    }
}
