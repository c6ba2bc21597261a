using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Onboarding;
using Workflows.Signing;

namespace Workflows.Resignation;

/// <summary>
/// Behind <c>/nominate/{token}</c>: the nearest leader names a replacement; the new nurse is registered in the unit,
/// onboarding starts, and the resignation hears of it. The link works once, while the resignation still asks.
/// </summary>
public sealed class NominationDesk(WorkflowLinks links, DurableTaskClient client, NetworkRegistry registry, NurseOnboarding onboarding)
{
    /// <summary>What the link shows; nothing changes.</summary>
    public async Task<NominationView> OpenAsync(string token, CancellationToken cancellation = default) =>
        (await CheckAsync(token, cancellation).ConfigureAwait(false)).View;

    /// <summary>Registers the nominated nurse and tells the resignation; a form with faults changes nothing.</summary>
    public async Task<NominationView> NominateAsync(string token, NurseRegistration registration, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var (view, claim) = await CheckAsync(token, cancellation).ConfigureAwait(false);
        if (view.Outcome != LinkOutcome.Ready || claim is null)
        {
            return view;
        }

        // The unit comes from the link, never from the form.
        var candidate = registration with { UnitId = claim.Step };
        var faults = candidate.ToNurse("rn-draft", "draft", registry.Today).Validate().ToList();
        if (faults.Count > 0)
        {
            return view with { Errors = new RegistryValidationException(faults).Errors };
        }

        if (!await links.TrySpendAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return view with { Outcome = LinkOutcome.Used };
        }

        var (nurse, _) = await onboarding.RegisterAsync(candidate, $"nomination:{claim.InstanceId}", cancellation: cancellation).ConfigureAwait(false);
        await client.RaiseEventAsync(claim.InstanceId, NominationEvent.Name, new NominationEvent(claim.TokenId, nurse.Id, nurse.Name!), cancellation).ConfigureAwait(false);
        return view with { Outcome = LinkOutcome.Done, ReplacementNurseId = nurse.Id };
    }

    private async Task<(NominationView View, LinkClaim? Claim)> CheckAsync(string token, CancellationToken cancellation)
    {
        if (links.Open(token, WorkflowLinks.NominatePurpose) is not { } link)
        {
            return (new NominationView { Outcome = LinkOutcome.Forged }, null);
        }

        var claim = link.Claim;

        NurseContext leaving;
        try
        {
            leaving = await registry.ContextOfAsync(claim.Subject, cancellation).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return (new NominationView { Outcome = LinkOutcome.Closed }, null);
        }

        var view = new NominationView
        {
            Outcome = LinkOutcome.Ready,
            Language = leaving.Network.Language,
            NetworkName = leaving.Network.Name,
            UnitName = leaving.Unit.Name,
            LeaderName = leaving.NearestLeader.Name,
            LeavingNurseName = leaving.Nurse.Name,
        };
        if (link.Expired)
        {
            return (view with { Outcome = LinkOutcome.Expired }, null);
        }

        if (await links.IsSpentAsync(claim.TokenId, cancellation).ConfigureAwait(false))
        {
            return (view with { Outcome = LinkOutcome.Used }, null);
        }

        var instance = await client.GetInstanceAsync(claim.InstanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        var status = instance?.ReadCustomStatusAs<ResignationStatus>();
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended } || status is null || status.Replacement != ReplacementState.Requested)
        {
            return (view with { Outcome = LinkOutcome.Closed }, null);
        }

        return status.NominationTokenId == claim.TokenId ? (view, claim) : (view with { Outcome = LinkOutcome.WrongStep }, null);
    }
}
