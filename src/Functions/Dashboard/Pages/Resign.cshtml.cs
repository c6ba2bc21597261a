using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workflows.Functions.Hosting;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Resignation;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>Reports that a resource nurse leaves, from a form; faults are shown next to their fields.</summary>
public sealed class ResignModel(NetworkRegistry registry, Resignations resignations, IOptions<NetworkWorkflowSettings> settings) : NetworkPageModel(registry)
{
    /// <summary>The nurses who can resign (onboarding or active), by name.</summary>
    public IReadOnlyList<(ResourceNurse Nurse, string UnitName)> Nurses { get; private set; } = [];

    /// <summary>The nurse chosen.</summary>
    public string? NurseId { get; private set; }

    /// <summary>The end date as typed.</summary>
    public string? EndDate { get; private set; }

    /// <summary>Who reported it.</summary>
    public ReportedBy ReportedBy { get; private set; } = ReportedBy.Operator;

    /// <summary>The nurse field's fault.</summary>
    public string? NurseError { get; private set; }

    /// <summary>The end date's fault.</summary>
    public string? EndDateError { get; private set; }

    /// <summary>The form's words.</summary>
    public ResignationTexts Words => ResignationTexts.For(Network.Language);

    /// <summary>Shows the empty form, with a nurse chosen when <paramref name="nurseId"/> is given.</summary>
    public async Task<IActionResult> OnGetAsync(string networkId, string? nurseId, CancellationToken cancellation)
    {
        NurseId = nurseId;
        return await LoadAsync(networkId, cancellation).ConfigureAwait(false);
    }

    /// <summary>Starts the resignation, or shows the faults.</summary>
    public async Task<IActionResult> OnPostAsync(string networkId, string? nurseId, string? endDate, ReportedBy? reportedBy, CancellationToken cancellation)
    {
        (NurseId, EndDate, ReportedBy) = (nurseId, endDate, reportedBy ?? ReportedBy.Operator);
        var loaded = await LoadAsync(networkId, cancellation).ConfigureAwait(false);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var nurse = Nurses.Select(n => n.Nurse).FirstOrDefault(n => n.Id == nurseId);
        var end = DateOnly.TryParseExact(endDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        NurseError = nurse is null ? Words.NurseMissing : null;
        EndDateError = end is null || (nurse is not null && end < nurse.StartDate) ? Words.EndDateInvalid : null;
        if (NurseError is null && EndDateError is null)
        {
            try
            {
                var request = new ResignationRequest(nurse!.Id, end!.Value, ReportedBy, RetentionMonths: settings.Value.RetentionMonths);
                var instanceId = await resignations.ReportAsync(request, cancellation).ConfigureAwait(false);
                return Redirect($"/dashboard/orchestrations/{Uri.EscapeDataString(instanceId)}");
            }
            catch (RegistryConflictException)
            {
                NurseError = Words.NurseGone;
            }
            catch (RegistryValidationException)
            {
                EndDateError = Words.EndDateInvalid;
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string networkId, CancellationToken cancellation)
    {
        if (!await FindNetworkAsync(networkId, cancellation).ConfigureAwait(false))
        {
            return NotFound();
        }

        var units = (await Registry.ListAsync<Unit>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        Nurses = [.. (await Registry.ListAsync<ResourceNurse>(networkId, cancellation).ConfigureAwait(false))
            .Where(n => n.Status is NurseStatus.Active or NurseStatus.Onboarding)
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => (n, units.GetValueOrDefault(n.UnitId, n.UnitId)))];
        return Page();
    }
}
