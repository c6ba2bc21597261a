using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;

namespace Workflows.Onboarding;

/// <summary>Registers a new resource nurse and starts the onboarding that welcomes them and collects the signatures.</summary>
public sealed class NurseOnboarding(NetworkRegistry registry, DurableTaskClient client)
{
    /// <summary>
    /// Adds the nurse to the registry and starts <see cref="OnboardingOrchestration"/>; if the start fails the nurse
    /// is removed again, so a registration is whole or absent.
    /// </summary>
    /// <exception cref="RegistryValidationException">A field is missing or wrong, or the unit does not exist.</exception>
    public async Task<(ResourceNurse Nurse, string InstanceId)> RegisterAsync(
        NurseRegistration registration, string actor, SigningPolicy? signing = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (string.IsNullOrWhiteSpace(registration.UnitId))
        {
            throw new RegistryValidationException(nameof(registration.UnitId), "Required.");
        }

        var unit = await registry.FindAsync<Unit>(registration.UnitId, cancellation).ConfigureAwait(false)
            ?? throw new RegistryValidationException(nameof(registration.UnitId), $"There is no unit with id '{registration.UnitId}'.");
        var nurse = (registration with { UnitId = unit.Entity.Id }).ToNurse(NetworkRegistry.NewNurseId(), unit.Entity.NetworkId, registry.Today);
        var created = await registry.CreateAsync(nurse, actor, cancellation).ConfigureAwait(false);
        try
        {
            var instanceId = await StartAsync(nurse.Id, signing, cancellation).ConfigureAwait(false);
            return (nurse, instanceId);
        }
        catch
        {
            await registry.DeleteAsync<ResourceNurse>(nurse.Id, created.Version, actor, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts (or, after an expired signing, restarts) the onboarding of a registered nurse.</summary>
    /// <exception cref="RegistryNotFoundException">There is no such nurse.</exception>
    /// <exception cref="RegistryConflictException">The nurse has left or is already active.</exception>
    /// <exception cref="DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException">An onboarding of the nurse is running.</exception>
    public async Task<string> StartAsync(string nurseId, SigningPolicy? signing = null, CancellationToken cancellation = default)
    {
        var nurse = (await registry.GetAsync<ResourceNurse>(nurseId, cancellation).ConfigureAwait(false)).Entity;
        if (nurse.Status is not (NurseStatus.Onboarding or NurseStatus.SigningExpired))
        {
            throw new RegistryConflictException($"The nurse '{nurseId}' is {nurse.Status}; only a nurse being onboarded can be onboarded.");
        }

        var id = OnboardingOrchestration.InstanceIdFor(nurseId);
        if (await client.GetInstanceAsync(id, cancellation).ConfigureAwait(false) is { } previous && previous.IsCompleted)
        {
            await client.PurgeInstanceAsync(id, cancellation).ConfigureAwait(false);
        }

        if (nurse.Status == NurseStatus.SigningExpired)
        {
            await registry.ChangeAsync<ResourceNurse>(nurseId, n => n with { Status = NurseStatus.Onboarding }, "onboarding-restart", cancellation: cancellation).ConfigureAwait(false);
        }

        return await client.ScheduleNewOrchestrationInstanceAsync(
            OnboardingOrchestration.Name, new OnboardingRequest(nurseId, signing), new StartOrchestrationOptions(id), cancellation).ConfigureAwait(false);
    }
}
