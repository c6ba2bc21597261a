using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;
using Workflows.Wheel.Surveys.Activities;
using Workflows.Steps;

namespace Workflows.Wheel.Surveys;

/// <summary>
/// The annual reporting (autumn) and the yearly evaluation (January–February): a questionnaire link to every
/// resource nurse and to each nurse's nearest leader; reminders at +7 and +14 days to those who have not answered
/// (and whenever the operator asks); closed at the deadline; the response rate by area; and, for the annual
/// reporting, a draft annual report with the year's figures and charts for the working group.
/// </summary>
[DurableTask(Name)]
public sealed class SurveyOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Survey";

    /// <summary>Days after the start that those who have not answered are reminded.</summary>
    public static readonly int[] ReminderDays = [7, 14];

    /// <summary>Days to answer when the calendar gives no follow-up.</summary>
    public const int DefaultDays = 21;

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var due = input.FollowUpBy ?? input.LastDate.AddDays(DefaultDays);
        var closes = NorwegianTime.StartOfDayUtc(due.AddDays(1));
        var status = WheelSteps.Report(context, new WheelEventStatus { Phase = WheelPhase.CollectingAnswers, NextStepAt = closes });
        var sent = await context.CallActivityAsync<int>(nameof(SendSurveys), Keyed.For(context, new SendSurveys.Input(input, due, 0)), WheelSteps.Retry);
        status = WheelSteps.Report(context, status with { Invited = sent });

        // The reminder days, then the close; the operator's "send reminder now" reminds in between.
        var wakeUps = ReminderDays
            .Select(days => NorwegianTime.At(input.Date.AddDays(days), WheelSteps.MorningSend).UtcDateTime)
            .Where(at => at < closes)
            .Append(closes)
            .Where(at => at > context.CurrentUtcDateTime)
            .ToList();
        foreach (var at in wakeUps)
        {
            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(at, wait.Token);
            while (await RemindNow.WhenAnyAsync(context, status.Reminders, timer) is null)
            {
                status = await RemindAsync(context, input, due, status);
            }

            if (at < closes)
            {
                status = await RemindAsync(context, input, due, status);
            }
        }

        var summary = await context.CallActivityAsync<SurveySummary>(nameof(SummarizeSurvey), Keyed.For(context, input.NetworkId), WheelSteps.Retry);
        status = status with { Answered = summary.Answered, Invited = summary.Expected, NextStepAt = null };
        if (input.Kind == WheelEventKind.AnnualReporting)
        {
            var draft = await context.CallActivityAsync<string>(nameof(DraftAnnualReport), Keyed.For(context, new DraftAnnualReport.Input(input, due.AddDays(1), summary)), WheelSteps.Retry);
            status = status with { DocumentKey = draft };
        }

        return WheelSteps.Report(context, status with { Phase = WheelPhase.Done });
    }

    /// <summary>Reminds those who have not answered.</summary>
    private static async Task<WheelEventStatus> RemindAsync(TaskOrchestrationContext context, WheelOccurrence input, DateOnly due, WheelEventStatus status)
    {
        await context.CallActivityAsync<int>(nameof(SendSurveys), Keyed.For(context, new SendSurveys.Input(input, due, status.Reminders + 1)), WheelSteps.Retry);
        return WheelSteps.Report(context, status with { Reminders = status.Reminders + 1 });
    }
}
