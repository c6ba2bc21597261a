using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Steps;

namespace Workflows.Resignation;

/// <summary>Reports resignations and closes replacement requests.</summary>
public sealed class Resignations(NetworkRegistry registry, DurableTaskClient client)
{
    /// <summary>Starts the resignation of a nurse in the function.</summary>
    /// <exception cref="RegistryNotFoundException">There is no such nurse.</exception>
    /// <exception cref="RegistryValidationException">The end date is before the nurse started.</exception>
    /// <exception cref="RegistryConflictException">The nurse has already left, or a resignation is under way.</exception>
    public async Task<string> ReportAsync(ResignationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nurse = (await registry.GetAsync<ResourceNurse>(request.NurseId, cancellation).ConfigureAwait(false)).Entity;
        if (nurse.Status is NurseStatus.Inactive or NurseStatus.Erased)
        {
            throw new RegistryConflictException($"The nurse '{nurse.Id}' has already left the function.");
        }

        if (request.EndDate < nurse.StartDate)
        {
            throw new RegistryValidationException(nameof(request.EndDate), $"The end date must not be before the start date ({nurse.StartDate:yyyy-MM-dd}).");
        }

        if (request.ReplacementReminderDays is < 1 or > 90)
        {
            throw new RegistryValidationException(nameof(request.ReplacementReminderDays), "Must be between 1 and 90 days.");
        }

        if (request.RetentionMonths is < 0 or > 120)
        {
            throw new RegistryValidationException(nameof(request.RetentionMonths), "Must be between 0 and 120 months.");
        }

        var id = ResignationOrchestration.InstanceIdFor(nurse.Id);
        try
        {
            return await client.ScheduleNewOrchestrationInstanceAsync(ResignationOrchestration.Name, request, new StartOrchestrationOptions(id), cancellation).ConfigureAwait(false);
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            throw new RegistryConflictException($"A resignation of the nurse '{nurse.Id}' is already under way ({id}).");
        }
    }

    /// <summary>Stops asking for a replacement for the nurse.</summary>
    /// <exception cref="RegistryNotFoundException">There is no resignation of the nurse.</exception>
    /// <exception cref="RegistryConflictException">It is no longer asking for a replacement.</exception>
    public async Task CloseReplacementAsync(string nurseId, string? reason, CancellationToken cancellation = default)
    {
        var id = ResignationOrchestration.InstanceIdFor(nurseId);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellation).ConfigureAwait(false)
            ?? throw new RegistryNotFoundException($"There is no resignation of the nurse '{nurseId}'.");
        if (!instance.IsUnderway() || instance.ReadCustomStatusAs<ResignationStatus>() is not { Replacement: ReplacementState.Requested })
        {
            throw new RegistryConflictException($"The resignation of the nurse '{nurseId}' is not asking for a replacement.");
        }

        await client.RaiseEventAsync(id, NominationEvent.ClosedName, reason, cancellation).ConfigureAwait(false);
    }
}
