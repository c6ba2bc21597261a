using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Onboarding;
using Workflows.Resignation;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Orchestrations;
using Workflows.Wheel.Overview;
using Workflows.Wheel.Surveys;

namespace Workflows.Waiting;

/// <summary>
/// What a network waits for from people — signatures, questionnaires, documents, replacements — and the operator's
/// "send reminder now".
/// </summary>
public sealed class WaitingOnPeople(NetworkRegistry registry, DurableTaskClient client, WheelOverview overview, SurveyParticipants participants)
{
    /// <summary>Everything the network waits for today.</summary>
    /// <exception cref="RegistryNotFoundException">There is no such network.</exception>
    public async Task<WaitingList> ForAsync(string networkId, CancellationToken cancellation = default)
    {
        var network = (await registry.GetAsync<CompetenceNetwork>(networkId, cancellation).ConfigureAwait(false)).Entity;
        var nurses = (await registry.ListAsync<ResourceNurse>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var units = (await registry.ListAsync<Unit>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        string UnitName(ResourceNurse nurse) => units.TryGetValue(nurse.UnitId, out var unit) ? unit.Name : nurse.UnitId;
        Person Leader(ResourceNurse nurse) => units.TryGetValue(nurse.UnitId, out var unit) ? nurse.LeaderIn(unit) : nurse.NearestLeader ?? network.NetworkLeader;

        var signatures = new List<PendingSignature>();
        await foreach (var instance in Running(OnboardingOrchestration.InstanceIdFor(string.Empty)).WithCancellation(cancellation).ConfigureAwait(false))
        {
            if (instance.ReadCustomStatusAs<OnboardingStatus>() is { Phase: OnboardingPhase.AwaitingSignature, WaitingFor: { } role } status
                && nurses.TryGetValue(status.NurseId, out var nurse))
            {
                var signer = Signers.For(role, nurse, Leader(nurse), network);
                signatures.Add(new PendingSignature(instance.InstanceId, nurse, UnitName(nurse), role, signer, status.Reminders, status.Deadline));
            }
        }

        var replacements = new List<OpenReplacementRequest>();
        await foreach (var instance in Running(ResignationOrchestration.InstanceIdFor(string.Empty)).WithCancellation(cancellation).ConfigureAwait(false))
        {
            if (instance.ReadCustomStatusAs<ResignationStatus>() is { Replacement: ReplacementState.Requested, NominationTokenId: not null } status
                && nurses.TryGetValue(status.NurseId, out var nurse))
            {
                replacements.Add(new OpenReplacementRequest(instance.InstanceId, nurse, UnitName(nurse), Leader(nurse), status.ReplacementReminders));
            }
        }

        var questionnaires = new List<OpenQuestionnaire>();
        var documents = new List<AwaitedDocument>();
        var year = registry.Today.Year;

        // Last year's events too: a December course or a late annual reporting may still wait in January.
        foreach (var view in (await overview.ForAsync(networkId, year - 1, cancellation).ConfigureAwait(false)).Events
                     .Concat((await overview.ForAsync(networkId, year, cancellation).ConfigureAwait(false)).Events))
        {
            switch (view)
            {
                case { State: WheelEventState.Running, Status: { Phase: WheelPhase.CollectingAnswers } status }:
                    var (expected, unanswered) = await UnansweredAsync(view.InstanceId, networkId, cancellation).ConfigureAwait(false);
                    questionnaires.Add(new OpenQuestionnaire(view.Occurrence, expected, status.Reminders, status.NextStepAt, unanswered));
                    break;
                case { State: WheelEventState.Running, Status: { Phase: WheelPhase.AwaitingDocument or WheelPhase.AwaitingApproval } status }:
                    documents.Add(new AwaitedDocument(view.Occurrence, status.Phase, status.Reminders, status.NextStepAt));
                    break;
            }
        }

        return new WaitingList(signatures, questionnaires, documents, replacements);
    }

    /// <summary>
    /// Sends the next reminder of a waiting orchestration now. <paramref name="remindersSeen"/> is the count of
    /// reminders the operator saw: if another has gone since, nothing more is sent.
    /// </summary>
    /// <exception cref="RegistryNotFoundException">There is no such orchestration.</exception>
    public async Task<ReminderOutcome> RemindAsync(string instanceId, int remindersSeen, CancellationToken cancellation = default)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false)
            ?? throw new RegistryNotFoundException($"There is no orchestration '{instanceId}'.");
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Running || RemindersSent(instance) is not { } sent)
        {
            return ReminderOutcome.NotWaiting;
        }

        if (sent != remindersSeen)
        {
            return ReminderOutcome.AlreadyReminded;
        }

        await client.RaiseEventAsync(instanceId, RemindNow.Name, new RemindNow(remindersSeen), cancellation).ConfigureAwait(false);
        return ReminderOutcome.Sent;
    }

    /// <summary>Reminders sent so far, when the orchestration waits on someone it can remind; null otherwise.</summary>
    private static int? RemindersSent(OrchestrationMetadata instance) => instance.Name switch
    {
        OnboardingOrchestration.Name => instance.ReadCustomStatusAs<OnboardingStatus>() is { Phase: OnboardingPhase.AwaitingSignature } status ? status.Reminders : null,
        ResignationOrchestration.Name => instance.ReadCustomStatusAs<ResignationStatus>() is { Replacement: ReplacementState.Requested, NominationTokenId: not null } status
            ? status.ReplacementReminders
            : null,
        _ when WheelOrchestrations.Carries(instance.Name) => instance.ReadCustomStatusAs<WheelEventStatus>() is
            { Phase: WheelPhase.CollectingAnswers or WheelPhase.AwaitingDocument or WheelPhase.AwaitingApproval } status
            ? status.Reminders
            : null,
        _ => null,
    };

    private AsyncPageable<OrchestrationMetadata> Running(string prefix) => client.GetAllInstancesAsync(new OrchestrationQuery
    {
        InstanceIdPrefix = prefix,
        Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
        FetchInputsAndOutputs = true,
    });

    /// <summary>The survey's questionnaires and those not yet answered, as the registry stands today.</summary>
    private async Task<(int Expected, IReadOnlyList<UnansweredQuestionnaire> Unanswered)> UnansweredAsync(string instanceId, string networkId, CancellationToken cancellation)
    {
        var answered = (await registry.ListAsync<SurveyAnswer>(networkId, cancellation).ConfigureAwait(false))
            .Where(a => a.InstanceId == instanceId).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var areas = (await registry.ListAsync<LocalArea>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var all = await participants.ListAsync(networkId, cancellation).ConfigureAwait(false);
        var unanswered = all
            .Where(p => !answered.Contains(SurveyAnswer.IdFor(instanceId, p.Respondent, p.Nurse.Id)))
            .Select(p => new UnansweredQuestionnaire(p.Respondent, p.Person, p.Nurse.Name ?? string.Empty, areas.GetValueOrDefault(p.AreaId, p.AreaId)))
            .OrderBy(q => q.AreaName, StringComparer.Ordinal).ThenBy(q => q.NurseName, StringComparer.Ordinal).ThenBy(q => q.Respondent)
            .ToList();
        return (all.Count, unanswered);
    }
}
