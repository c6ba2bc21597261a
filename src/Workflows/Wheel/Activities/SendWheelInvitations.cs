using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Activities;

/// <summary>Sends each person in the event's audience an invitation (or, with a reminder number, a reminder) with the .ics.</summary>
public sealed class SendWheelInvitations(NetworkRegistry registry, AudienceResolver audience, NetworkMail mail) : KeyedActivity<SendWheelInvitations.Input, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var people = await audience.ResolveAsync(occurrence).ConfigureAwait(false);
        var invite = CalendarInvite.For(occurrence, network.NetworkLeader.Email);
        foreach (var person in people)
        {
            await mail.SendAsync(
                context,
                network,
                input.Reminder == 0 ? "wheel-invitation" : "wheel-reminder",
                [person],
                WheelMail.Model(occurrence, network, person),
                attachments: [invite],
                keySuffix: WheelMail.KeyFor(person)).ConfigureAwait(false);
        }

        return people.Count;
    }

    /// <summary>The event, and 0 for the invitation or the reminder's number.</summary>
    /// <param name="Occurrence">The event.</param>
    /// <param name="Reminder">0 for the invitation; 1, 2, … for reminders.</param>
    public sealed record Input(WheelOccurrence Occurrence, int Reminder);
}
