using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Activities;

/// <summary>
/// Asks for an event's document through an upload link (the same link each time): minutes from the area leader,
/// the action plan and newsletters from the network leader, who is copied on the area leader's requests.
/// </summary>
public sealed class RequestDocument(NetworkRegistry registry, WorkflowLinks links, NetworkMail mail) : KeyedActivity<RequestDocument.Input>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var from = input.Document == WheelDocumentKind.Minutes && occurrence.Area is { } area
            ? (await registry.GetAsync<LocalArea>(area).ConfigureAwait(false)).Entity.AreaLeader
            : network.NetworkLeader;

        // The link outlives the deadline by a month: a late document is still welcome while the orchestration waits.
        var link = links.For(new LinkClaim(
            WorkflowLinks.UploadPurpose, context.InstanceId, occurrence.NetworkId, Kebab.Name(input.Document), input.TokenId,
            new DateTimeOffset(NorwegianTime.StartOfDayUtc(input.Due.AddDays(31)), TimeSpan.Zero)));
        var words = WheelDocumentWords.For(input.Document, network.Language, occurrence);
        var model = WheelMail.Model(occurrence, network, from);
        model["what"] = words.What;
        model["sharedWith"] = words.SharedWith;
        model["due"] = NorwegianDates.Day(input.Due);
        model["link"] = link.ToString();
        model["reminder"] = input.Reminder > 0;
        await mail.SendAsync(context, network, "document-request", [from], model, cc: [network.NetworkLeader]).ConfigureAwait(false);
    }

    /// <summary>The event, which document, the link's token id, the due day and the request's number (0 for the first).</summary>
    /// <param name="Occurrence">The event.</param>
    /// <param name="Document">Which document.</param>
    /// <param name="TokenId">The upload link's token id.</param>
    /// <param name="Due">The day it is due.</param>
    /// <param name="Reminder">0 for the first request.</param>
    public sealed record Input(WheelOccurrence Occurrence, WheelDocumentKind Document, string TokenId, DateOnly Due, int Reminder);
}
