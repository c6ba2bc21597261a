using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Functions.Security;

namespace Workflows.Functions.Dashboard.Pages;

/// <summary>Signs an operator in with an operator key; the key itself is never stored in the cookie.</summary>
public sealed class LoginModel(FunctionKeys keys) : PageModel
{
    /// <summary>Where to go after signing in (a local dashboard path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the last attempt failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the key and signs in.</summary>
    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (!keys.IsValid(key))
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator")], DashboardExtensions.Scheme);
        await HttpContext.SignInAsync(DashboardExtensions.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/dashboard", StringComparison.Ordinal) ? url : "/dashboard/networks");
    }
}
