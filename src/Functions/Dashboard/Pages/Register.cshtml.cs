using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;
using Workflows.Onboarding;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>Registers a resource nurse from a form and starts the onboarding; faults are shown next to their fields.</summary>
public sealed class RegisterModel(NetworkRegistry registry, NurseOnboarding onboarding) : NetworkPageModel(registry)
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>Its units, for the choice.</summary>
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    /// <summary>What was sent.</summary>
    public NurseRegistration Form { get; private set; } = new();

    /// <summary>The form's words.</summary>
    public RegisterTexts Words => RegisterTexts.For(Network.Language);

    /// <summary>The message for a field with a fault; null when it has none.</summary>
    public string? ErrorFor(string field) =>
        errors.Keys.Any(k => string.Equals(k.Split('.')[0], field, StringComparison.OrdinalIgnoreCase)) ? Words.Messages[field] : null;

    /// <summary>A field's value as sent.</summary>
    public string? ValueOf(string field) => field switch
    {
        "name" => Form.Name,
        "email" => Form.Email,
        "phone" => Form.Phone,
        "startDate" => Form.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Shows the empty form.</summary>
    public Task<IActionResult> OnGetAsync(string networkId, CancellationToken cancellation) => LoadAsync(networkId, cancellation);

    /// <summary>Registers the nurse, or shows the faults.</summary>
    public async Task<IActionResult> OnPostAsync(
        string networkId, string? unitId, string? name, string? email, string? phone, string? startDate, bool hasFurtherEducation, CancellationToken cancellation)
    {
        var loaded = await LoadAsync(networkId, cancellation).ConfigureAwait(false);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var start = DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        Form = new NurseRegistration { UnitId = unitId, Name = name, Email = email, Phone = phone, StartDate = start, HasFurtherEducation = hasFurtherEducation };
        // Every fault at once, next to its field: the same checks registration makes, plus the form's own.
        var faults = Form.ToNurse(NetworkRegistry.NewNurseId(), networkId, Registry.Today).Validate().ToList();
        if (!string.IsNullOrWhiteSpace(startDate) && start is null)
        {
            faults.Add(new(nameof(NurseRegistration.StartDate), "Not a date."));
        }

        if (Units.All(u => u.Id != unitId))
        {
            faults.Add(new(nameof(NurseRegistration.UnitId), "Not a unit of this network."));
        }

        errors = new RegistryValidationException(faults).Errors;
        if (faults.Count == 0)
        {
            try
            {
                var (_, instanceId) = await onboarding.RegisterAsync(Form, "dashboard", cancellation: cancellation).ConfigureAwait(false);
                return Redirect($"/dashboard/orchestrations/{Uri.EscapeDataString(instanceId)}");
            }
            catch (RegistryValidationException e)
            {
                errors = e.Errors;
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

        Units = [.. (await Registry.ListAsync<Unit>(networkId, cancellation).ConfigureAwait(false)).OrderBy(u => u.Name, StringComparer.Ordinal)];
        return Page();
    }
}
