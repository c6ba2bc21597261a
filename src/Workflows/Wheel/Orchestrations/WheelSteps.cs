using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Activities;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

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
    /// past), then waits for the event to begin (still <see cref="WheelPhase.Invited"/>) and, as
    /// <see cref="WheelPhase.Held"/>, until it is over.
    /// </summary>
    public static async Task<WheelEventStatus> InviteRemindAndHoldAsync(TaskOrchestrationContext context, WheelOccurrence occurrence)
    {
        var status = Report(context, new WheelEventStatus { Phase = WheelPhase.Inviting });
        var invited = await context.CallActivityAsync<int>(nameof(SendWheelInvitations), Keyed.For(context, new SendWheelInvitations.Input(occurrence, 0)), Retry);
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
            await context.CallActivityAsync<int>(nameof(SendWheelInvitations), Keyed.For(context, new SendWheelInvitations.Input(occurrence, status.Reminders + 1)), Retry);
            status = status with { Reminders = status.Reminders + 1 };
        }

        if (occurrence.Starts.UtcDateTime > context.CurrentUtcDateTime)
        {
            Report(context, status with { NextStepAt = occurrence.Starts.UtcDateTime });
            await context.CreateTimer(occurrence.Starts.UtcDateTime, CancellationToken.None);
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
            await context.CallActivityAsync<int>(nameof(ShareDocument), Keyed.For(context, new ShareDocument.Input(occurrence, document, upload)), Retry);
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
        // One link for the whole request: a reminder repeats it, so an older email works.
        var tokenId = context.NewGuid().ToString("N");
        var upload = await AskUntilAnsweredAsync<Uploads.DocumentUploaded>(
            context,
            Uploads.DocumentUploaded.Name,
            NorwegianTime.StartOfDayUtc(due.AddDays(1)),
            request => context.CallActivityAsync(nameof(RequestDocument), Keyed.For(context, new RequestDocument.Input(occurrence, document, tokenId, due, request)), Retry),
            (request, wakeAt) => status = Report(context, status with { Phase = WheelPhase.AwaitingDocument, Reminders = request, UploadTokenId = tokenId, NextStepAt = wakeAt }));
        return (status with { DocumentKey = upload?.DocumentKey ?? status.DocumentKey, UploadTokenId = null, NextStepAt = null }, upload);
    }

    /// <summary>
    /// Asks (<paramref name="ask"/> with the request's number) and waits for the answer <paramref name="eventName"/>,
    /// asking again every <see cref="ReminderDays"/> days (or at once on <see cref="RemindNow"/>), until it comes or
    /// <paramref name="deadline"/> passes (null then). <paramref name="waiting"/> hears each wait with the request's number and when it ends.
    /// </summary>
    public static async Task<T?> AskUntilAnsweredAsync<T>(
        TaskOrchestrationContext context, string eventName, DateTime deadline, Func<int, Task> ask, Action<int, DateTime> waiting)
        where T : class
    {
        // One wait for the whole request, so an answer to any of the requests counts.
        using var stop = new CancellationTokenSource();
        var answer = context.WaitForExternalEvent<T>(eventName, stop.Token);
        for (var request = 0; ; request++)
        {
            await ask(request);
            var next = context.CurrentUtcDateTime.AddDays(ReminderDays);
            var wakeAt = next < deadline ? next : deadline;
            waiting(request, wakeAt);
            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt, wait.Token);
            var first = await RemindNow.WhenAnyAsync(context, request, answer, timer);
            wait.Cancel();
            if (first == answer)
            {
                return await answer;
            }

            if (first == timer && wakeAt >= deadline)
            {
                stop.Cancel();
                return null;
            }
        }
    }

    public static WheelEventStatus Report(TaskOrchestrationContext context, WheelEventStatus status)
    {
        context.SetCustomStatus(status);
        return status;
    }
}
