using Workflows.Documents;
using Workflows.Documents.Pdf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Signing;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Uploads;

/// <summary>
/// The operator's other way to a newsletter: written as text rather than uploaded, made into a PDF, and handed to
/// the waiting orchestration as if uploaded (its emailed upload link is spent).
/// </summary>
public sealed class NewsletterDesk(DurableTaskClient client, NetworkRegistry registry, IDocumentStore documents, IPdfRenderer pdfRenderer, WorkflowLinks links)
{
    /// <summary>The longest newsletter text taken.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Makes the newsletter from <paramref name="text"/> (paragraphs split by blank lines) and sends it on.</summary>
    /// <exception cref="RegistryNotFoundException">No such wheel event.</exception>
    /// <exception cref="RegistryValidationException">The text is empty or too long.</exception>
    /// <exception cref="RegistryConflictException">The event is not a newsletter waiting for its text.</exception>
    public async Task<string> WriteAsync(string instanceId, string? text, CancellationToken cancellation = default)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        var occurrence = instance?.ReadInputAs<WheelOccurrence>() ?? throw new RegistryNotFoundException($"There is no wheel event '{instanceId}'.");
        var status = instance!.ReadCustomStatusAs<WheelEventStatus>();
        if (occurrence.Kind != WheelEventKind.Newsletter || !instance.IsUnderway() || status is not { Phase: WheelPhase.AwaitingDocument, UploadTokenId: { } tokenId })
        {
            throw new RegistryConflictException($"'{instanceId}' is not a newsletter waiting for its text.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            throw new RegistryValidationException("text", string.IsNullOrWhiteSpace(text) ? "Required." : $"At most {MaxLength} characters.");
        }

        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId, cancellation).ConfigureAwait(false)).Entity;
        byte[] pdf;
        using (var composer = pdfRenderer.Begin(occurrence.Title, network.Name, NorwegianTime.At(occurrence.Date, new TimeOnly(9, 0))))
        {
            composer.Note(network.Name).Title(occurrence.Title);
            foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                composer.Paragraph(paragraph.Replace('\n', ' '));
            }

            pdf = composer.ToArray();
        }

        if (!await links.TrySpendAsync(tokenId, cancellation).ConfigureAwait(false))
        {
            throw new RegistryConflictException($"The newsletter for '{instanceId}' was uploaded a moment ago.");
        }

        var fileName = $"{Kebab.Name(WheelDocumentKind.Newsletter)}-{occurrence.EventId}-{occurrence.Year}.pdf";
        var key = $"{occurrence.NetworkId}/arshjul/{occurrence.Year}/{occurrence.EventId}/{fileName}";
        await documents.PutAsync(key, pdf, "application/pdf", cancellation: cancellation).ConfigureAwait(false);
        await client.RaiseEventAsync(instanceId, DocumentUploaded.Name, new DocumentUploaded(tokenId, key, fileName), cancellation).ConfigureAwait(false);
        return key;
    }
}
