using Workflows.Documents;
using Workflows.Documents.Letters;
using Workflows.Documents.Pdf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Renders the welcome letter and the function description for the nurse and files both.</summary>
public sealed class PrepareOnboardingDocuments(NetworkRegistry registry, IDocumentStore documents, IPdfRenderer pdfRenderer) : KeyedActivity<PrepareOnboardingDocuments.Input, OnboardingDocuments>
{
    /// <inheritdoc />
    protected override async Task<OnboardingDocuments> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        var date = new DateTimeOffset(input.Date, TimeSpan.Zero);
        var metadata = new Dictionary<string, string> { ["network"] = nurse.Network.Id, ["nurse"] = nurse.Nurse.Id };
        var letter = await documents.PutAsync(
            OnboardingFiles.WelcomeLetter(nurse.Nurse), NetworkDocuments.WelcomeLetter(pdfRenderer, nurse, date), OnboardingFiles.Pdf, metadata).ConfigureAwait(false);
        var description = await documents.PutAsync(
            OnboardingFiles.FunctionDescription(nurse.Nurse, input.Date), NetworkDocuments.FunctionDescription(pdfRenderer, nurse, date), OnboardingFiles.Pdf, metadata, immutable: true).ConfigureAwait(false);
        return new OnboardingDocuments(letter.Key, description.Key, description.Sha256);
    }

    /// <summary>The nurse and the date the documents carry.</summary>
    /// <param name="NurseId">The nurse.</param>
    /// <param name="Date">The onboarding's start (UTC).</param>
    public sealed record Input(string NurseId, DateTime Date);
}
