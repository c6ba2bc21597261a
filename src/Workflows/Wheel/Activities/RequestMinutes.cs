using Workflows.Durable;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Activities;

/// <summary>Asks the area leader for a gathering's minutes through an upload link (the same link each time).</summary>
public sealed class RequestMinutes(NetworkRegistry registry, WorkflowLinks links, NetworkMail mail) : TaskActivity<RequestMinutes.Input, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var area = (await registry.GetAsync<LocalArea>(occurrence.Area!).ConfigureAwait(false)).Entity;
        var due = occurrence.FollowUpBy ?? occurrence.LastDate.AddDays(14);

        // The link outlives the deadline by a month: late minutes are still welcome while the orchestration waits.
        var link = links.For(new LinkClaim(
            WorkflowLinks.UploadPurpose, context.InstanceId, occurrence.NetworkId, "minutes", input.TokenId,
            new DateTimeOffset(NorwegianTime.StartOfDayUtc(due.AddDays(31)), TimeSpan.Zero)));
        var model = WheelMail.Model(occurrence, network, area.AreaLeader);
        model["due"] = NorwegianDates.Day(due);
        model["link"] = link.ToString();
        model["reminder"] = input.Reminder > 0;
        await mail.SendAsync(context, network, "minutes-request", [area.AreaLeader], model, cc: [network.NetworkLeader]).ConfigureAwait(false);
        return true;
    }

    /// <summary>The gathering, the link's token id and the request's number (0 for the first).</summary>
    /// <param name="Occurrence">The gathering.</param>
    /// <param name="TokenId">The upload link's token id.</param>
    /// <param name="Reminder">0 for the first request.</param>
    public sealed record Input(WheelOccurrence Occurrence, string TokenId, int Reminder);
}
