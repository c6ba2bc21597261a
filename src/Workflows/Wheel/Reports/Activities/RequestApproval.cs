using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Reports.Activities;

/// <summary>Sends the network leader and each working-group member the uploaded report with a personal approval link.</summary>
public sealed class RequestApproval(NetworkRegistry registry, IDocumentStore documents, WorkflowLinks links, NetworkMail mail) : KeyedActivity<RequestApproval.Input, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var (document, content) = await documents.GetAsync(input.DocumentKey).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The report '{input.DocumentKey}' is not in the document store.");
        var words = WheelDocumentWords.For(WheelDocumentKind.AnnualReport, network.Language, occurrence);
        var group = new[] { network.NetworkLeader }.Concat(network.WorkingGroup).DistinctBy(p => p.Email.ToLowerInvariant()).ToList();
        foreach (var member in group)
        {
            var email = member.Email.ToLowerInvariant();
            var link = links.For(new LinkClaim(
                WorkflowLinks.ApprovePurpose, context.InstanceId, email, "annual-report", $"{context.InstanceId}:approve:{email}",
                new DateTimeOffset(NorwegianTime.StartOfDayUtc(occurrence.Date.AddDays(60)), TimeSpan.Zero), member.Name));
            var model = WheelMail.Model(occurrence, network, member);
            model["what"] = words.What;
            model["link"] = link.ToString();
            model["reminder"] = input.Reminder > 0;
            await mail.SendAsync(
                context, network, "approval-request", [member], model,
                attachments: [new EmailAttachment($"arsrapport-{occurrence.Year - 1}{Path.GetExtension(input.DocumentKey)}", document.ContentType, content)],
                keySuffix: WheelMail.KeyFor(member)).ConfigureAwait(false);
        }

        return group.Count;
    }

    /// <summary>The event, the uploaded report and the request's number.</summary>
    /// <param name="Occurrence">The publication event.</param>
    /// <param name="DocumentKey">The uploaded report.</param>
    /// <param name="Reminder">0 for the first request.</param>
    public sealed record Input(WheelOccurrence Occurrence, string DocumentKey, int Reminder);
}
