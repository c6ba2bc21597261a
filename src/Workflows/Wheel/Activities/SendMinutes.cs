using Workflows.Documents;
using Workflows.Durable;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Activities;

/// <summary>Sends a gathering's minutes to the leaders of the area's resource nurses (Førde's rule), one email each.</summary>
public sealed class SendMinutes(NetworkRegistry registry, AudienceResolver audience, IDocumentStore documents, NetworkMail mail)
    : TaskActivity<SendMinutes.Input, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var (document, content) = await documents.GetAsync(input.DocumentKey).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The minutes '{input.DocumentKey}' are not in the document store.");
        var attachment = new EmailAttachment(input.FileName, document.ContentType, content);
        var leaders = await audience.ResolveAsync(occurrence with { Audience = [Audience.Leaders] }).ConfigureAwait(false);
        foreach (var leader in leaders)
        {
            await mail.SendAsync(
                context, network, "minutes", [leader], WheelMail.Model(occurrence, network, leader), attachments: [attachment], keySuffix: WheelMail.KeyFor(leader))
                .ConfigureAwait(false);
        }

        return leaders.Count;
    }

    /// <summary>The gathering and its stored minutes.</summary>
    /// <param name="Occurrence">The gathering.</param>
    /// <param name="DocumentKey">The minutes in the document store.</param>
    /// <param name="FileName">The file name to attach them as.</param>
    public sealed record Input(WheelOccurrence Occurrence, string DocumentKey, string FileName);
}
