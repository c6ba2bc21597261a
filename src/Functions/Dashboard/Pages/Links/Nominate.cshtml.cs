using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflows.Onboarding;
using Workflows.Resignation;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>The nearest leader names the replacement of a resource nurse who leaves.</summary>
public sealed class NominateModel(NominationDesk desk) : LinkPageModel<NominationView>
{
    /// <summary>What the leader sent, shown again beside its faults.</summary>
    public NurseRegistration? Submitted { get; private set; }

    /// <summary>The form's text fields, filled with what was sent.</summary>
    internal IEnumerable<(string Name, string Type, string Label, string? Value, bool Required, string Autocomplete)> Fields =>
    [
        ("name", "text", Text.Name, Submitted?.Name, true, "name"),
        ("email", "email", Text.Email, Submitted?.Email, true, "email"),
        ("phone", "tel", $"{Text.Phone} ({Text.Optional})", Submitted?.Phone, false, "tel"),
        ("startDate", "date", $"{Text.StartDate} ({Text.Optional})", Submitted?.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false, "off"),
    ];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Registers the nominated nurse, or shows the form again with its faults.</summary>
    public async Task<IActionResult> OnPostAsync(
        string? name, string? email, string? phone, string? startDate, string? furtherEducation, CancellationToken cancellation)
    {
        Submitted = new NurseRegistration
        {
            Name = name ?? string.Empty,
            Email = email ?? string.Empty,
            Phone = phone ?? string.Empty,
            HasFurtherEducation = furtherEducation is "on" or "true",
            StartDate = DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
        };
        return Present(await desk.NominateAsync(Token, Submitted, cancellation).ConfigureAwait(false));
    }

    /// <summary>The fault to show under <paramref name="field"/>, in the network's language.</summary>
    internal string? ErrorFor(string field) =>
        View?.Errors.ContainsKey(field) == true ? Text.FieldErrors.GetValueOrDefault(field, Text.FieldErrors["name"]) : null;

    /// <inheritdoc />
    protected override bool FormHasFaults(NominationView view) => view.Errors.Count > 0;
}
