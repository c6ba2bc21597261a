using Workflows.Documents;
using Workflows.Documents.Letters;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Onboarding;
using Workflows.Onboarding.Activities;

namespace Workflows.Signing;

/// <summary>
/// Behind <c>/sign/{token}</c>: checks a signing link against the onboarding it belongs to (genuine, unexpired, unused,
/// and the step the onboarding waits for) and, on confirmation, records the link as used and raises the signature.
/// </summary>
public sealed class SigningDesk(WorkflowLinks links, DurableTaskClient client, NetworkRegistry registry, IDocumentStore documents, TimeProvider time)
{
    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<SigningView> OpenAsync(string token, CancellationToken cancellation = default)
    {
        var (view, _) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        return view;
    }

    /// <summary>Confirms the signature: records the link as used and raises the onboarding's event.</summary>
    public async Task<SigningView> ConfirmAsync(string token, string ipAddress, string userAgent, CancellationToken cancellation = default)
    {
        var (view, claim) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null)
        {
            return view;
        }

        if (!await links.TrySpendAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return view with { Outcome = LinkOutcome.Used };
        }

        var signature = new Signature(view.Role!.Value, view.SignerName!, time.GetUtcNow(), Truncate(ipAddress, 64), Truncate(userAgent, 300));
        await client.RaiseEventAsync(claim.InstanceId, SignatureEvent.NameFor(signature.Role), new SignatureEvent(claim.TokenId, signature), cancellation).ConfigureAwait(false);
        return view with { Outcome = LinkOutcome.Done };
    }

    private async Task<(SigningView View, LinkClaim? Claim)> CheckAsync(string token, CancellationToken cancellation)
    {
        if (links.Open(token, WorkflowLinks.SignPurpose) is not { } link || !Enum.TryParse<SignerRole>(link.Claim.Step, out var role))
        {
            return (new SigningView { Outcome = LinkOutcome.Forged }, null);
        }

        var claim = link.Claim;

        var nurse = await TryContextAsync(claim.Subject, cancellation).ConfigureAwait(false);
        var language = nurse?.Network.Language ?? NetworkLanguage.Bokmal;
        if (link.Expired)
        {
            return (new SigningView { Outcome = LinkOutcome.Expired, Language = language }, null);
        }

        if (nurse is null)
        {
            return (new SigningView { Outcome = LinkOutcome.Closed, Language = language }, null);
        }

        var basic = new SigningView { Outcome = LinkOutcome.Ready, Language = language, NetworkName = nurse.Network.Name, NurseName = nurse.Nurse.Name, Role = role };
        if (await links.IsSpentAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return (basic with { Outcome = LinkOutcome.Used }, null);
        }

        var instance = await client.GetInstanceAsync(claim.InstanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
        {
            return (basic with { Outcome = LinkOutcome.Closed }, null);
        }

        var status = instance.ReadCustomStatusAs<OnboardingStatus>();
        if (status is not { Phase: OnboardingPhase.AwaitingSignature } || status.WaitingFor != role || status.TokenId != claim.TokenId)
        {
            return (basic with { Outcome = status?.Signed.Contains(role) == true ? LinkOutcome.Used : LinkOutcome.WrongStep }, null);
        }

        var key = status.DocumentKey;
        var stored = key is null ? null : await documents.GetAsync(key, cancellation).ConfigureAwait(false);
        return (basic with
        {
            SignerName = Signers.For(role, nurse).Name,
            Document = FunctionDescriptionText.Of(nurse.Network),
            DocumentLink = stored is null ? null : await documents.GetReadLinkAsync(key!, TimeSpan.FromHours(2), cancellation).ConfigureAwait(false),
            DocumentSha256 = stored?.Document.Sha256,
        }, claim);
    }

    private async Task<NurseContext?> TryContextAsync(string nurseId, CancellationToken cancellation)
    {
        try
        {
            return await registry.ContextOfAsync(nurseId, cancellation).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
    }

    private static string Truncate(string value, int length) => string.IsNullOrEmpty(value) ? "-" : value.Length <= length ? value : value[..length];
}
