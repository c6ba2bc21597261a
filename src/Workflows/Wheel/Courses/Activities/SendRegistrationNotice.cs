using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Tells a person where a registration change left them, and whoever got a seat from the waitlist because of it.</summary>
public sealed class SendRegistrationNotice(NetworkRegistry registry, NetworkMail mail) : KeyedActivity<SendRegistrationNotice.Input>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (occurrence, change) = (input.Occurrence, input.Change);
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        // Most changes on a full course are waitlist places, which carry no invitation: it is made only for a seat.
        EmailAttachment Invite() => CalendarInvite.For(occurrence, network.NetworkLeader.Email);
        var person = new Person(change.Name, change.Email);
        var model = WheelMail.Model(occurrence, network, person);
        model["place"] = change.WaitlistPlace;
        var (template, attachments) = change.State switch
        {
            RegistrationState.Seated => ("course-registered", new[] { Invite() }),
            RegistrationState.Waitlisted => ("course-waitlisted", Array.Empty<EmailAttachment>()),
            _ => ("course-cancelled", Array.Empty<EmailAttachment>()),
        };
        await mail.SendAsync(context, network, template, [person], model, attachments: attachments, keySuffix: "person").ConfigureAwait(false);
        if (change.Promoted is { } promoted)
        {
            var seated = new Person(promoted.Name, promoted.Email);
            await mail.SendAsync(context, network, "course-promoted", [seated], WheelMail.Model(occurrence, network, seated), attachments: [Invite()], keySuffix: "promoted")
                .ConfigureAwait(false);
        }
    }

    /// <summary>The course and the change.</summary>
    /// <param name="Occurrence">The course.</param>
    /// <param name="Change">What changed.</param>
    public sealed record Input(WheelOccurrence Occurrence, RosterChanged Change);
}
