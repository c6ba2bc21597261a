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

namespace Workflows.Wheel.Reports.Activities;

/// <summary>
/// Publishes the approved report at its public address, archives an immutable copy, and sends it to every leader of a
/// resource nurse and to every municipality's post box. Returns the archive key.
/// </summary>
public sealed class PublishAnnualReport(NetworkRegistry registry, AudienceResolver audience, IDocumentStore documents, WorkflowLinks links, NetworkMail mail)
    : KeyedActivity<PublishAnnualReport.Input, string>
{
    /// <inheritdoc />
    protected override async Task<string> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var year = occurrence.Year - 1;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var (document, content) = await documents.GetAsync(input.DocumentKey).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The report '{input.DocumentKey}' is not in the document store.");
        var metadata = new Dictionary<string, string> { ["approved-by"] = input.ApprovedBy };
        await documents.PutAsync(PublishedReports.PublishedKey(network.Id, year), content, document.ContentType, metadata).ConfigureAwait(false);
        var archive = PublishedReports.ArchiveKey(network.Id, year);
        await documents.PutAsync(archive, content, document.ContentType, metadata, immutable: true).ConfigureAwait(false);

        var url = new Uri(links.PublicBaseUrl, PublicRoutes.ReportPath(network.Id, year));
        var words = WheelDocumentWords.For(WheelDocumentKind.AnnualReport, network.Language, occurrence);
        var attachment = new EmailAttachment($"arsrapport-{year}.pdf", document.ContentType, content);
        var recipients = await audience.ResolveAsync(occurrence with { Audience = [Audience.Leaders, Audience.MunicipalityPostBoxes], Area = null }).ConfigureAwait(false);
        foreach (var person in recipients)
        {
            var model = WheelMail.Model(occurrence, network, person);
            model["what"] = words.What;
            model["subject"] = words.SharedSubject;
            model["url"] = url.ToString();
            await mail.SendAsync(context, network, "annual-report", [person], model, attachments: [attachment], keySuffix: WheelMail.KeyFor(person)).ConfigureAwait(false);
        }

        return archive;
    }

    /// <summary>The event, the approved report and who approved it.</summary>
    /// <param name="Occurrence">The publication event.</param>
    /// <param name="DocumentKey">The uploaded report.</param>
    /// <param name="ApprovedBy">Who approved it for the working group.</param>
    public sealed record Input(WheelOccurrence Occurrence, string DocumentKey, string ApprovedBy);
}
