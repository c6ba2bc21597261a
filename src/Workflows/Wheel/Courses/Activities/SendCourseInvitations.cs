using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Courses.Activities;

/// <summary>Invites each person in the course's audience with a personal registration link (valid until the course starts).</summary>
public sealed class SendCourseInvitations(NetworkRegistry registry, AudienceResolver audience, WorkflowLinks links, NetworkMail mail)
    : KeyedActivity<WheelOccurrence, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var network = (await registry.GetAsync<CompetenceNetwork>(input.NetworkId).ConfigureAwait(false)).Entity;
        var people = await audience.ResolveAsync(input).ConfigureAwait(false);
        foreach (var person in people)
        {
            var email = person.Email.ToLowerInvariant();
            var link = links.For(new LinkClaim(WorkflowLinks.RegisterPurpose, context.InstanceId, email, "register", $"{context.InstanceId}:{email}", input.Starts, person.Name));
            var model = WheelMail.Model(input, network, person);
            model["link"] = link.ToString();
            model["capacity"] = input.Capacity;
            await mail.SendAsync(context, network, "course-invitation", [person], model, keySuffix: WheelMail.KeyFor(person)).ConfigureAwait(false);
        }

        return people.Count;
    }
}
