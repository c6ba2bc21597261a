using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Wheel.Courses.Activities;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses;

/// <summary>
/// The subject day, the intro course and the basic course: invite with personal registration links, seat people as
/// they register (a waitlist when full, the first on it promoted when someone cancels), remind those with a seat a
/// week and a day before, hold the course, then, once the operator has marked who came, send each a certificate
/// and record the course as completed on the nurse.
/// </summary>
[DurableTask(Name)]
public sealed class CourseOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Course";

    /// <summary>Days after the course the operator has to mark attendance when the calendar gives no follow-up day.</summary>
    public const int AttendanceDays = 30;

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = WheelSteps.Report(context, new WheelEventStatus { Phase = WheelPhase.Inviting, Seated = 0, Waitlisted = 0 });
        await context.CallActivityAsync<bool>(nameof(OpenCourse), Keyed.For(context, input), WheelSteps.Retry);
        var invited = await context.CallActivityAsync<int>(nameof(SendCourseInvitations), Keyed.For(context, input), WheelSteps.Retry);
        status = await TakeRegistrationsAsync(context, input, status with { Phase = WheelPhase.RegistrationOpen, Invited = invited });

        var seated = await context.CallActivityAsync<int>(nameof(CloseRegistration), Keyed.For(context, input), WheelSteps.Retry);
        status = WheelSteps.Report(context, status with { Phase = WheelPhase.Held, Seated = seated, NextStepAt = input.Ends });
        if (input.Ends.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(input.Ends.UtcDateTime, CancellationToken.None);
        }

        var deadline = NorwegianTime.StartOfDayUtc((input.FollowUpBy ?? input.LastDate.AddDays(AttendanceDays)).AddDays(1));
        WheelSteps.Report(context, status with { Phase = WheelPhase.AwaitingAttendance, NextStepAt = deadline });
        using var stop = new CancellationTokenSource();
        var attendance = context.WaitForExternalEvent<AttendanceRecorded>(AttendanceRecorded.EventName, stop.Token);
        if (await Task.WhenAny(attendance, context.CreateTimer(deadline, stop.Token)) != attendance)
        {
            return WheelSteps.Report(context, status with { Phase = WheelPhase.AttendanceMissing, NextStepAt = null });
        }

        stop.Cancel();
        var certificates = await context.CallActivityAsync<int>(nameof(IssueCertificates), Keyed.For(context, input), WheelSteps.Retry);
        return WheelSteps.Report(context, status with { Phase = WheelPhase.Done, Certificates = certificates, NextStepAt = null });
    }

    /// <summary>
    /// Until the course starts: answers each registration change with its email, and sends the reminders on their
    /// days (a late start skips those past). The emails about different people go out side by side while the next
    /// changes come in (a rush of registrations is taken in few turns); one about someone already written to waits
    /// for the earlier one, so nobody hears of a cancellation before the registration it undoes.
    /// </summary>
    private static async Task<WheelEventStatus> TakeRegistrationsAsync(TaskOrchestrationContext context, WheelOccurrence input, WheelEventStatus status)
    {
        var notices = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
        using var stop = new CancellationTokenSource();
        var change = context.WaitForExternalEvent<RosterChanged>(RosterChanged.EventName, stop.Token);
        var countedAt = 0L;
        var reminders = new Queue<DateTime>(input.RemindersOn.Select(d => NorwegianTime.At(d, WheelSteps.MorningSend).UtcDateTime).Where(at => at > context.CurrentUtcDateTime));
        while (context.CurrentUtcDateTime < input.Starts.UtcDateTime)
        {
            var next = reminders.Count > 0 && reminders.Peek() < input.Starts.UtcDateTime ? reminders.Peek() : input.Starts.UtcDateTime;
            status = WheelSteps.Report(context, status with { NextStepAt = next });

            using var wait = new CancellationTokenSource();
            var timer = context.CreateTimer(next, wait.Token);
            if (await Task.WhenAny(change, timer) == change)
            {
                wait.Cancel();
                var changed = await change;
                string[] people = changed.Promoted is { } promoted ? [changed.Email, promoted.Email] : [changed.Email];
                await Task.WhenAll(people.Select(p => notices.GetValueOrDefault(p) ?? Task.CompletedTask));
                var notice = context.CallActivityAsync(nameof(SendRegistrationNotice), Keyed.For(context, new SendRegistrationNotice.Input(input, changed)), WheelSteps.Retry);
                foreach (var person in people)
                {
                    notices[person] = notice;
                }

                var counts = changed.Counts
                    ?? await context.CallActivityAsync<RosterCounts>(nameof(CountRoster), Keyed.For(context, input.InstanceId), WheelSteps.Retry);

                // Two pages may tell of their changes in either order: the counts of the later write stand.
                if (counts.Version == 0 || counts.Version >= countedAt)
                {
                    countedAt = counts.Version;
                    status = status with { Seated = counts.Seated, Waitlisted = counts.Waitlisted };
                }

                change = context.WaitForExternalEvent<RosterChanged>(RosterChanged.EventName, stop.Token);
                continue;
            }

            if (reminders.Count > 0 && next == reminders.Peek())
            {
                reminders.Dequeue();
                await context.CallActivityAsync<int>(nameof(SendCourseReminders), Keyed.For(context, new SendCourseReminders.Input(input, status.Reminders + 1)), WheelSteps.Retry);
                status = status with { Reminders = status.Reminders + 1 };
            }
        }

        stop.Cancel();
        await Task.WhenAll(notices.Values);
        return status;
    }
}
