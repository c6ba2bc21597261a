using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Reminds everyone with a seat (not the waitlist), with the .ics again.</summary>
public sealed class SendCourseReminders(NetworkRegistry registry, CourseRosters rosters, NetworkMail mail) : KeyedActivity<SendCourseReminders.Input, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var roster = await rosters.GetAsync(occurrence.InstanceId).ConfigureAwait(false);
        var invite = CalendarInvite.For(occurrence, network.NetworkLeader.Email);
        foreach (var seated in roster.Seated)
        {
            var person = new Person(seated.Name, seated.Email);
            await mail.SendAsync(context, network, "wheel-reminder", [person], WheelMail.Model(occurrence, network, person), attachments: [invite], keySuffix: WheelMail.KeyFor(person))
                .ConfigureAwait(false);
        }

        return roster.Seated.Count;
    }

    /// <summary>The course and the reminder's number.</summary>
    /// <param name="Occurrence">The course.</param>
    /// <param name="Reminder">1, 2, ….</param>
    public sealed record Input(WheelOccurrence Occurrence, int Reminder);
}
