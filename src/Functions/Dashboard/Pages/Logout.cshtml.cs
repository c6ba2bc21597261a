using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>Signs the operator out.</summary>
public sealed class LogoutModel : PageModel
{
    /// <summary>Signs out and returns to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardExtensions.Scheme).ConfigureAwait(false);
        return Redirect("/dashboard/login");
    }
}
