using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Activities;

/// <summary>
/// Sends an uploaded document on, one email each: minutes to the leaders of the area's nurses (Førde's rule), the
/// action plan and newsletters to every nurse and leader of the network.
/// </summary>
public sealed class ShareDocument(NetworkRegistry registry, AudienceResolver audience, IDocumentStore documents, NetworkMail mail)
    : KeyedActivity<ShareDocument.Input, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var (document, content) = await documents.GetAsync(input.Uploaded.DocumentKey).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The document '{input.Uploaded.DocumentKey}' is not in the document store.");
        var attachment = new EmailAttachment(input.Uploaded.FileName, document.ContentType, content);
        var words = WheelDocumentWords.For(input.Document, network.Language, occurrence);
        IReadOnlyList<Audience> to = input.Document == WheelDocumentKind.Minutes ? [Audience.Leaders] : [Audience.Nurses, Audience.Leaders];
        var people = await audience.ResolveAsync(occurrence with { Audience = to, Area = input.Document == WheelDocumentKind.Minutes ? occurrence.Area : null })
            .ConfigureAwait(false);
        foreach (var person in people)
        {
            var model = WheelMail.Model(occurrence, network, person);
            model["what"] = words.What;
            model["subject"] = words.SharedSubject;
            await mail.SendAsync(context, network, "document-shared", [person], model, attachments: [attachment], keySuffix: WheelMail.KeyFor(person)).ConfigureAwait(false);
        }

        return people.Count;
    }

    /// <summary>The event, which document and where it was stored.</summary>
    /// <param name="Occurrence">The event.</param>
    /// <param name="Document">Which document.</param>
    /// <param name="Uploaded">The upload.</param>
    public sealed record Input(WheelOccurrence Occurrence, WheelDocumentKind Document, Uploads.DocumentUploaded Uploaded);
}
