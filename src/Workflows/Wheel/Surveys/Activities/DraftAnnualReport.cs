using Workflows.Documents;
using Workflows.Documents.Letters;
using Workflows.Documents.Pdf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Email;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Network.Reports;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Surveys.Activities;

/// <summary>Draws the annual report's draft from the year's figures and sends it to the network leader and working group.</summary>
public sealed class DraftAnnualReport(NetworkRegistry registry, RegistryReports reports, IDocumentStore documents, IPdfRenderer pdfRenderer, NetworkMail mail)
    : KeyedActivity<DraftAnnualReport.Input, string>
{
    /// <inheritdoc />
    protected override async Task<string> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var nurses = await registry.ListAsync<ResourceNurse>(occurrence.NetworkId).ConfigureAwait(false);
        var closed = NorwegianTime.At(input.ClosedOn, new TimeOnly(12, 0));
        var figures = new AnnualReportDraft.Figures(
            occurrence.Year,
            nurses.Count(n => n.IsActiveOn(input.ClosedOn)),
            nurses.Count(n => n.IntroCourseCompleted?.Year == occurrence.Year),
            nurses.Count(n => n.BasicCourseCompleted?.Year == occurrence.Year),
            await reports.CoverageAsync(occurrence.NetworkId, input.ClosedOn).ConfigureAwait(false),
            input.Summary);
        var pdf = AnnualReportDraft.Render(pdfRenderer, network, figures, closed);
        var key = $"{occurrence.NetworkId}/arshjul/{occurrence.Year}/{occurrence.EventId}/arsrapport-utkast-{occurrence.Year}.pdf";
        await documents.PutAsync(key, pdf, "application/pdf").ConfigureAwait(false);
        var model = WheelMail.Model(occurrence, network, network.NetworkLeader);
        model["rate"] = Math.Round(input.Summary.Rate).ToString(System.Globalization.CultureInfo.InvariantCulture);
        model["answered"] = input.Summary.Answered;
        model["expected"] = input.Summary.Expected;
        model["year"] = occurrence.Year;
        await mail.SendAsync(
            context, network, "annual-report-draft", [network.NetworkLeader, .. network.WorkingGroup], model,
            attachments: [new EmailAttachment($"arsrapport-utkast-{occurrence.Year}.pdf", "application/pdf", pdf)]).ConfigureAwait(false);
        return key;
    }

    /// <summary>The annual reporting, the day it closed and its answers.</summary>
    /// <param name="Occurrence">The annual reporting's event.</param>
    /// <param name="ClosedOn">The day it closed.</param>
    /// <param name="Summary">Its answers.</param>
    public sealed record Input(WheelOccurrence Occurrence, DateOnly ClosedOn, SurveySummary Summary);
}
