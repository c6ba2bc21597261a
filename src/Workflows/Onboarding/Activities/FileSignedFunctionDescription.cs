using Workflows.Documents;
using Workflows.Documents.Letters;
using Workflows.Documents.Pdf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>
/// Renders the function description with its signature page, archives it (immutable) under the nurse, marks the
/// nurse active, and sends the signed copy to all three signers.
/// </summary>
public sealed class FileSignedFunctionDescription(NetworkRegistry registry, IDocumentStore documents, IPdfRenderer pdfRenderer, NetworkMail mail)
    : KeyedActivity<FileSignedFunctionDescription.Input, string>
{
    /// <inheritdoc />
    protected override async Task<string> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        var signedAt = new DateTimeOffset(input.Date, TimeSpan.Zero);
        var pdf = NetworkDocuments.SignedFunctionDescription(
            pdfRenderer, nurse, signedAt, input.Signatures, Path.GetFileName(input.Documents.FunctionDescriptionKey), input.Documents.FunctionDescriptionSha256);
        var metadata = new Dictionary<string, string>
        {
            ["network"] = nurse.Network.Id,
            ["nurse"] = nurse.Nurse.Id,
            ["signedContentSha256"] = input.Documents.FunctionDescriptionSha256,
            ["signers"] = string.Join(",", input.Signatures.Select(s => s.Role)),
        };
        var stored = await documents.PutAsync(
            OnboardingFiles.SignedFunctionDescription(nurse.Nurse), pdf, OnboardingFiles.Pdf, metadata, immutable: true).ConfigureAwait(false);
        await registry.ChangeAsync<ResourceNurse>(
            nurse.Nurse.Id,
            n => n with
            {
                Status = n.Status is NurseStatus.Onboarding or NurseStatus.SigningExpired ? NurseStatus.Active : n.Status,
                FunctionDescriptionSigned = signedAt,
                SignedFunctionDescriptionKey = stored.Key,
            },
            $"orchestration:{context.InstanceId}").ConfigureAwait(false);
        await mail.SendAsync(
            context,
            nurse.Network,
            "signed",
            [Signers.For(SignerRole.Nurse, nurse)],
            new Dictionary<string, object?> { ["nurse"] = nurse.Nurse.Name, ["networkLeader"] = nurse.Network.NetworkLeader.Name },
            cc: [nurse.NearestLeader, nurse.Network.NetworkLeader],
            attachments: [new Email.EmailAttachment(Path.GetFileName(stored.Key), OnboardingFiles.Pdf, pdf)]).ConfigureAwait(false);
        return stored.Key;
    }

    /// <summary>The nurse, the documents, the three signatures and the filing date.</summary>
    /// <param name="NurseId">The nurse.</param>
    /// <param name="Documents">The unsigned documents.</param>
    /// <param name="Signatures">The signatures, in signing order.</param>
    /// <param name="Date">When the last signature arrived (UTC): the signed document's date.</param>
    public sealed record Input(string NurseId, OnboardingDocuments Documents, IReadOnlyList<Signature> Signatures, DateTime Date);
}
