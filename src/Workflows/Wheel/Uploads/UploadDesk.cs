using System.Globalization;
using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Uploads;

/// <summary>
/// Behind <c>/upload/{token}</c>: a wheel event's document (minutes, action plan, newsletter) comes in through a single-use link,
/// is stored under the event, and the orchestration waiting for it hears of it.
/// </summary>
public sealed class UploadDesk(WheelLinks links, DurableTaskClient client, IDocumentStore documents)
{
    /// <summary>The largest file taken.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The kinds of file taken, by extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> Accepted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".odt"] = "application/vnd.oasis.opendocument.text",
    };

    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<UploadView> OpenAsync(string token, CancellationToken cancellation = default) =>
        (await CheckAsync(token, cancellation).ConfigureAwait(false)).View;

    /// <summary>Stores the file and tells the orchestration; a missing, empty, too large or wrong kind of file changes nothing.</summary>
    public async Task<UploadView> UploadAsync(string token, string? fileName, byte[]? content, CancellationToken cancellation = default)
    {
        var (view, claim, occurrence) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null || occurrence is null)
        {
            return view;
        }

        var nynorsk = view.Language == NetworkLanguage.Nynorsk;
        var extension = Path.GetExtension(fileName ?? string.Empty);
        var problem = content is null || content.Length == 0 ? (nynorsk ? "Vel ei fil å laste opp." : "Velg en fil å laste opp.")
            : content.Length > MaxBytes ? (nynorsk ? "Fila er større enn 20 MB." : "Filen er større enn 20 MB.")
            : !Accepted.ContainsKey(extension) ? (nynorsk ? "Last opp ei PDF-, DOCX- eller ODT-fil." : "Last opp en PDF-, DOCX- eller ODT-fil.")
            : null;
        if (problem is not null)
        {
            return view with { FileError = problem };
        }

        if (!await links.TrySpendAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return view with { Outcome = LinkOutcome.Used };
        }

        var stored = string.Create(
            CultureInfo.InvariantCulture, $"{claim.Step}-{occurrence.EventId}-{occurrence.Year}{extension.ToLowerInvariant()}");
        var key = $"{occurrence.NetworkId}/arshjul/{occurrence.Year}/{occurrence.EventId}/{stored}";
        await documents.PutAsync(key, content!, Accepted[extension], new Dictionary<string, string> { ["uploaded-as"] = Path.GetFileName(fileName!) }, immutable: false, cancellation)
            .ConfigureAwait(false);
        await client.RaiseEventAsync(claim.InstanceId, DocumentUploaded.Name, new DocumentUploaded(claim.TokenId, key, stored), cancellation).ConfigureAwait(false);
        return view with { Outcome = LinkOutcome.Done };
    }

    private async Task<(UploadView View, LinkClaim? Claim, WheelOccurrence? Occurrence)> CheckAsync(string token, CancellationToken cancellation)
    {
        var (target, refused) = await links.ReadAsync(token, WorkflowLinks.UploadPurpose, cancellation).ConfigureAwait(false);
        if (target is null || !Kebab.TryParse<WheelDocumentKind>(target.Claim.Step, out var document))
        {
            return (new UploadView { Outcome = target is null ? refused : LinkOutcome.Forged }, null, null);
        }

        var words = WheelDocumentWords.For(document, target.Network.Language, target.Occurrence);
        var view = new UploadView
        {
            Outcome = LinkOutcome.Ready,
            Language = target.Network.Language,
            NetworkName = target.Network.Name,
            What = words.What,
            SharedWith = words.SharedWith,
        };
        if (target.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null, null);
        }

        if (await links.IsSpentAsync(target.Claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return (view with { Outcome = LinkOutcome.Used }, null, null);
        }

        return !target.IsAt(WheelPhase.AwaitingDocument) ? (view with { Outcome = LinkOutcome.Closed }, null, null)
            : target.Status!.UploadTokenId == target.Claim.TokenId ? (view, target.Claim, target.Occurrence)
            : (view with { Outcome = LinkOutcome.WrongStep }, null, null);
    }
}
