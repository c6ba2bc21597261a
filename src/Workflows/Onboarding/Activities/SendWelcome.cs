using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Onboarding.Activities;

/// <summary>Emails the welcome letter and the function description to the nurse, with the nearest leader in copy.</summary>
public sealed class SendWelcome(NetworkRegistry registry, IDocumentStore documents, NetworkMail mail) : KeyedActivity<SendWelcome.Input>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        var network = nurse.Network;
        await mail.SendAsync(
            context,
            network,
            "welcome",
            [nurse.NurseContact],
            new Dictionary<string, object?>
            {
                ["nurse"] = nurse.Nurse.Name,
                ["unit"] = nurse.Unit.Name,
                ["leader"] = nurse.NearestLeader.Name,
                ["networkLeader"] = network.NetworkLeader.Name,
                ["strategyUrl"] = network.StrategyUrl?.ToString() ?? string.Empty,
                ["competencePlanUrl"] = network.CompetencePlanUrl?.ToString() ?? string.Empty,
            },
            cc: [nurse.NearestLeader],
            attachments:
            [
                await OnboardingFiles.AttachmentAsync(documents, input.Documents.WelcomeLetterKey, default).ConfigureAwait(false),
                await OnboardingFiles.AttachmentAsync(documents, input.Documents.FunctionDescriptionKey, default).ConfigureAwait(false),
            ]).ConfigureAwait(false);
    }

    /// <summary>The nurse and the filed documents.</summary>
    /// <param name="NurseId">The nurse.</param>
    /// <param name="Documents">The documents to attach.</param>
    public sealed record Input(string NurseId, OnboardingDocuments Documents);
}
