using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Resignation.Activities;
using Workflows.Steps;

namespace Workflows.Resignation;

/// <summary>
/// Takes a resource nurse out: the network leader, area leader and nearest leader are told; the nurse leaves the name
/// list and the coverage count after the end date; the nearest leader is asked for a replacement (reminded every
/// 14 days until one is nominated or the operator closes the request); and on the retention date the nurse's personal
/// data is deleted, keeping the service record and the archived signed documents, even if the request is still open.
/// </summary>
[DurableTask(Name)]
public sealed class ResignationOrchestration : TaskOrchestrator<ResignationRequest, ResignationStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Resignation";

    private static readonly TaskOptions Retry = ActivityRetry.Default;

    /// <summary>The instance id of a nurse's resignation: one per nurse.</summary>
    public static string InstanceIdFor(string nurseId) => $"resignation-{nurseId}";

    /// <inheritdoc />
    public override async Task<ResignationStatus> RunAsync(TaskOrchestrationContext context, ResignationRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new ResignationStatus { NurseId = input.NurseId, EndDate = input.EndDate };
        void Report(ResignationStatus next)
        {
            status = next;
            context.SetCustomStatus(status);
        }

        Report(status);
        await context.CallActivityAsync(nameof(RecordResignation), Keyed.For(context, input), Retry);
        await context.CallActivityAsync(nameof(SendResignationNotices), Keyed.For(context, input), Retry);

        var endOfService = LeaveAfterEndDateAsync(context, input, () => status, Report);
        var replacement = SeekReplacementAsync(context, input, () => status, Report);
        var erasure = EraseAfterRetentionAsync(context, input, endOfService, () => status, Report);
        await Task.WhenAll(endOfService, replacement, erasure);
        return status;
    }

    /// <summary>
    /// On the retention date the nurse's personal data is erased, whether or not a replacement has been found: the
    /// request goes on without her name.
    /// </summary>
    private static async Task EraseAfterRetentionAsync(
        TaskOrchestrationContext context, ResignationRequest input, Task endOfService, Func<ResignationStatus> status, Action<ResignationStatus> report)
    {
        var eraseOn = NorwegianTime.StartOfDayUtc(input.EndDate.AddDays(1).AddMonths(input.RetentionMonths));
        report(status() with { EraseOn = eraseOn });

        // Inactive first, so erasing is the last word on her record even with no retention period.
        await endOfService;
        if (eraseOn > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(eraseOn, CancellationToken.None);
        }

        await context.CallActivityAsync(nameof(EraseNursePersonalData), Keyed.For(context, input.NurseId), Retry);
        report(status() with { Erased = true });
    }

    /// <summary>From the day after the end date the nurse is inactive: off the name list and the coverage count.</summary>
    private static async Task LeaveAfterEndDateAsync(
        TaskOrchestrationContext context, ResignationRequest input, Func<ResignationStatus> status, Action<ResignationStatus> report)
    {
        var firstDayAfter = NorwegianTime.StartOfDayUtc(input.EndDate.AddDays(1));
        if (firstDayAfter > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(firstDayAfter, CancellationToken.None);
        }

        await context.CallActivityAsync(nameof(MarkNurseInactive), Keyed.For(context, input.NurseId), Retry);
        report(status() with { Inactive = true });
    }

    /// <summary>Asks the nearest leader for a replacement until one is nominated or the operator closes the request.</summary>
    private static async Task SeekReplacementAsync(
        TaskOrchestrationContext context, ResignationRequest input, Func<ResignationStatus> status, Action<ResignationStatus> report)
    {
        // One wait for each answer for the whole request, and one link: a reminder repeats it, so an older email works.
        using var stop = new CancellationTokenSource();
        var nominated = context.WaitForExternalEvent<NominationEvent>(NominationEvent.Name, stop.Token);
        var closed = context.WaitForExternalEvent<string?>(NominationEvent.ClosedName, stop.Token);
        var tokenId = context.NewGuid().ToString("N");
        for (var reminder = 0; ; reminder++)
        {
            await context.CallActivityAsync(nameof(RequestReplacement), Keyed.For(context, new RequestReplacement.Input(context.InstanceId, input, tokenId, reminder)), Retry);
            report(status() with { Replacement = ReplacementState.Requested, ReplacementReminders = reminder, NominationTokenId = tokenId });

            using var wait = new CancellationTokenSource();
            var nextReminder = context.CreateTimer(context.CurrentUtcDateTime.AddDays(input.ReplacementReminderDays), wait.Token);
            var first = await RemindNow.WhenAnyAsync(context, reminder, nominated, closed, nextReminder);
            wait.Cancel();
            if (first is null || first == nextReminder)
            {
                continue;
            }

            stop.Cancel();
            if (first == nominated)
            {
                var nomination = await nominated;
                report(status() with { Replacement = ReplacementState.Nominated, ReplacementNurseId = nomination.ReplacementNurseId, NominationTokenId = null });
                await context.CallActivityAsync(nameof(AnnounceReplacement), Keyed.For(context, new AnnounceReplacement.Input(input.NurseId, nomination)), Retry);
            }
            else
            {
                report(status() with { Replacement = ReplacementState.Closed, NominationTokenId = null });
            }

            return;
        }
    }
}
