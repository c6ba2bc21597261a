using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;
using Workflows.Wheel.Reports.Activities;
using Workflows.Steps;

namespace Workflows.Wheel.Reports;

/// <summary>
/// Spring's annual report: the network leader uploads last year's report; the working group approves it through its
/// links (the first approval counts for the group, asked again weekly); on the publication day it is published at a
/// public address, archived, and sent to every leader of a resource nurse and to every municipality's post box.
/// </summary>
[DurableTask(Name)]
public sealed class AnnualReportPublicationOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "AnnualReportPublication";

    /// <summary>Days after the publication day the working group may still approve.</summary>
    public const int ApprovalGraceDays = 30;

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (status, report) = await WheelSteps.CollectAsync(context, input, WheelDocumentKind.AnnualReport, input.Date, new WheelEventStatus());
        if (report is null)
        {
            return WheelSteps.Report(context, status with { Phase = WheelPhase.DocumentMissing });
        }

        var approved = await AwaitApprovalAsync(context, input, status, report.DocumentKey);
        if (approved is null)
        {
            return WheelSteps.Report(context, status with { Phase = WheelPhase.NotApproved, NextStepAt = null });
        }

        var publishAt = NorwegianTime.At(input.Date, new TimeOnly(9, 0)).UtcDateTime;
        if (publishAt > context.CurrentUtcDateTime)
        {
            WheelSteps.Report(context, status with { Phase = WheelPhase.Approved, NextStepAt = publishAt });
            await context.CreateTimer(publishAt, CancellationToken.None);
        }

        var archive = await context.CallActivityAsync<string>(nameof(PublishAnnualReport), Keyed.For(context, new PublishAnnualReport.Input(input, report.DocumentKey, approved.ApprovedBy)), WheelSteps.Retry);
        return WheelSteps.Report(context, status with { Phase = WheelPhase.Done, DocumentKey = archive, NextStepAt = null });
    }

    private static Task<ReportApproved?> AwaitApprovalAsync(TaskOrchestrationContext context, WheelOccurrence input, WheelEventStatus status, string documentKey) =>
        WheelSteps.AskUntilAnsweredAsync<ReportApproved>(
            context,
            ReportApproved.EventName,
            NorwegianTime.StartOfDayUtc(input.Date.AddDays(ApprovalGraceDays + 1)),
            request => context.CallActivityAsync<int>(nameof(RequestApproval), Keyed.For(context, new RequestApproval.Input(input, documentKey, request)), WheelSteps.Retry),
            (request, wakeAt) => WheelSteps.Report(context, status with { Phase = WheelPhase.AwaitingApproval, Reminders = request, NextStepAt = wakeAt }));
}
