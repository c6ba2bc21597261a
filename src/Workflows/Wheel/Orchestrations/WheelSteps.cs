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

    /// <summary>Days between requests for a document.</summary>
    public const int ReminderDays = 7;

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

    /// <summary>Collects <paramref name="document"/> (see <see cref="CollectAsync"/>) and shares it when it comes.</summary>
    public static async Task<(WheelEventStatus Status, Uploads.DocumentUploaded? Uploaded)> CollectAndShareAsync(
        TaskOrchestrationContext context, WheelOccurrence occurrence, WheelDocumentKind document, DateOnly due, WheelEventStatus status)
    {
        var (collected, upload) = await CollectAsync(context, occurrence, document, due, status);
        if (upload is not null)
        {
            await context.CallActivityAsync<int>(nameof(ShareDocument), new ShareDocument.Input(occurrence, document, upload), Retry);
        }

        return (collected, upload);
    }

    /// <summary>
    /// Asks for <paramref name="document"/> through one upload link, again every week, until it comes or
    /// <paramref name="due"/> has passed (null then).
    /// </summary>
    public static async Task<(WheelEventStatus Status, Uploads.DocumentUploaded? Uploaded)> CollectAsync(
        TaskOrchestrationContext context, WheelOccurrence occurrence, WheelDocumentKind document, DateOnly due, WheelEventStatus status)
    {
        var deadline = NorwegianTime.StartOfDayUtc(due.AddDays(1));

        // One wait and one link for the whole request: a reminder repeats the link, so an older email works.
        using var stop = new CancellationTokenSource();
        var uploaded = context.WaitForExternalEvent<Uploads.DocumentUploaded>(Uploads.DocumentUploaded.Name, stop.Token);
        var tokenId = context.NewGuid().ToString("N");
        for (var request = 0; ; request++)
        {
            await context.CallActivityAsync<bool>(nameof(RequestDocument), new RequestDocument.Input(occurrence, document, tokenId, due, request), Retry);
            var next = context.CurrentUtcDateTime.AddDays(ReminderDays);
            var wakeAt = next < deadline ? next : deadline;
            status = Report(context, status with { Phase = WheelPhase.AwaitingDocument, Reminders = request, UploadTokenId = tokenId, NextStepAt = wakeAt });
            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt, wait.Token);
            if (await Task.WhenAny(uploaded, timer) == uploaded)
            {
                wait.Cancel();
                var upload = await uploaded;
                return (status with { DocumentKey = upload.DocumentKey, UploadTokenId = null, NextStepAt = null }, upload);
            }

            if (wakeAt >= deadline)
            {
                stop.Cancel();
                return (status with { UploadTokenId = null, NextStepAt = null }, null);
            }
        }
    }

    public static WheelEventStatus Report(TaskOrchestrationContext context, WheelEventStatus status)
    {
        context.SetCustomStatus(status);
        return status;
    }
}
