using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Onboarding;
using Workflows.Resignation;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>
/// One resource nurse: the service record (unit, dates, courses, signed function description), its processes, and a
/// form that keeps the name list current (contact details, unit, nearest leader, further education).
/// </summary>
public sealed class NurseModel(NetworkRegistry registry, DurableTaskClient client) : NetworkPageModel(registry)
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The nurse as stored.</summary>
    public ResourceNurse Nurse { get; private set; } = null!;

    /// <summary>The stored version the form edits.</summary>
    public long Version { get; private set; }

    /// <summary>The network's units, for the choice.</summary>
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    /// <summary>The onboarding's instance id, when there is one.</summary>
    public string? OnboardingId { get; private set; }

    /// <summary>The resignation's instance id, when there is one.</summary>
    public string? ResignationId { get; private set; }

    /// <summary>The values in the form (as sent back after a fault, else as stored).</summary>
    public ResourceNurse Form { get; private set; } = null!;

    /// <summary>What the last save did.</summary>
    public string? Message { get; private set; }

    /// <summary>The page's words.</summary>
    public NurseTexts Words => NurseTexts.For(Network.Language);

    /// <summary>The registration form's field words and messages, shared with this form.</summary>
    public RegisterTexts Fields => RegisterTexts.For(Network.Language);

    /// <summary>Yes, no and statuses in the network's language.</summary>
    public NorwegianWords Norwegian => NorwegianWords.For(Network.Language);

    /// <summary>The message for a field with a fault; null when it has none.</summary>
    public string? ErrorFor(string field) =>
        !errors.Keys.Any(k => string.Equals(k.Split('.')[0], field, StringComparison.OrdinalIgnoreCase)) ? null
        : field == "nearestLeader" ? Words.LeaderFault
        : Fields.Messages[field];

    /// <summary>Shows the nurse.</summary>
    public Task<IActionResult> OnGetAsync(string nurseId, CancellationToken cancellation) => LoadAsync(nurseId, cancellation);

    /// <summary>Saves the form over the version it was read at; every fault is shown next to its field.</summary>
    public async Task<IActionResult> OnPostAsync(
        string nurseId, long version, string? unitId, string? name, string? email, string? phone, string? leaderName, string? leaderEmail,
        bool hasFurtherEducation, CancellationToken cancellation)
    {
        var loaded = await LoadAsync(nurseId, cancellation).ConfigureAwait(false);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (Nurse.Status == NurseStatus.Erased)
        {
            Message = Words.Erased;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var leader = string.IsNullOrWhiteSpace(leaderName) && string.IsNullOrWhiteSpace(leaderEmail)
            ? null
            : new Person(leaderName?.Trim() ?? string.Empty, leaderEmail?.Trim() ?? string.Empty);
        Form = Nurse with
        {
            UnitId = unitId?.Trim() ?? string.Empty,
            Name = name?.Trim(),
            Email = email?.Trim(),
            Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            NearestLeader = leader,
            HasFurtherEducation = hasFurtherEducation,
        };
        var faults = Form.Validate().ToList();
        if (Units.All(u => u.Id != Form.UnitId))
        {
            faults.Add(new(nameof(ResourceNurse.UnitId), "Not a unit of this network."));
        }

        errors = new RegistryValidationException(faults).Errors;
        if (faults.Count == 0)
        {
            try
            {
                await Registry.UpdateAsync(Form, version, "dashboard", cancellation).ConfigureAwait(false);
                var saved = await LoadAsync(nurseId, cancellation).ConfigureAwait(false);
                Message = Words.Saved;
                return saved;
            }
            catch (RegistryValidationException e)
            {
                errors = e.Errors;
            }
            catch (RegistryConflictException)
            {
                // Show the record as it now is, with the form refilled from it.
                var fresh = await LoadAsync(nurseId, cancellation).ConfigureAwait(false);
                Message = Words.Stale;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return fresh;
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string nurseId, CancellationToken cancellation)
    {
        if (await Registry.FindAsync<ResourceNurse>(nurseId, cancellation).ConfigureAwait(false) is not { } stored
            || !await FindNetworkAsync(stored.Entity.NetworkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        (Nurse, Version, Form) = (stored.Entity, stored.Version, stored.Entity);
        Units = [.. (await Registry.ListAsync<Unit>(Network.Id, cancellation).ConfigureAwait(false)).OrderBy(u => u.Name, StringComparer.Ordinal)];
        OnboardingId = await ExistingAsync(OnboardingOrchestration.InstanceIdFor(nurseId), cancellation).ConfigureAwait(false);
        ResignationId = await ExistingAsync(ResignationOrchestration.InstanceIdFor(nurseId), cancellation).ConfigureAwait(false);
        return Page();
    }

    private async Task<string?> ExistingAsync(string instanceId, CancellationToken cancellation) =>
        await client.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false) is null ? null : instanceId;
}
