using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Workflows.Functions.Dashboard.Pages.Links;

namespace Workflows.Functions.Dashboard;

/// <summary>
/// The operator dashboard: server-rendered Razor Pages under <c>/dashboard</c>, behind a sign-in with the same
/// operator keys the API takes (kept in an HTTP-only cookie), in the network's language.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>The cookie scheme of the dashboard's sign-in.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>
    /// Adds Razor Pages (root folder <c>Dashboard/Pages</c>: the dashboard, and under <c>Links</c> the pages behind emailed links), the cookie sign-in, and the data-protection key ring that
    /// signs the cookie and the forms: in <paramref name="keys"/> (a Blob container, shared by all instances in
    /// Azure) or else in <paramref name="keyFolder"/> (a single machine), so a restart signs nobody out.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, BlobContainerClient? keys, string keyFolder)
    {
        var protection = services.AddDataProtection().SetApplicationName("kompetansenettverk-dashboard");
        if (keys is not null)
        {
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRepository(keys));
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keyFolder));
        }

        // The pages are all in this assembly: naming it spares MVC a search of every assembly the app depends on at start.
        var pages = typeof(DashboardExtensions).Assembly;
        var parts = new Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartManager();
        foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(pages).GetApplicationParts(pages))
        {
            parts.ApplicationParts.Add(part);
        }

        services.AddSingleton(parts);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard/Pages";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");

            // The pages behind emailed links: open to whoever holds the link, whose token is the only credential (so no
            // antiforgery token either: the link is single-use or personal, and a form posted from it needs no cookie).
            o.Conventions.AllowAnonymousToFolder("/Links");
            o.Conventions.AddFolderApplicationModelConvention("/Links", page => page.Filters.Add(new IgnoreAntiforgeryTokenAttribute()));
            o.Conventions.AddFolderRouteModelConvention("/Links", LinkPageRoutes.Apply);
        });
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/dashboard/login";
            o.LogoutPath = "/dashboard/logout";
            o.Cookie.Name = "kn-operator";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization();

        // Norwegian letters as they are, not as &#xE5; entities: Razor's default encoder escapes all but ASCII.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(
            o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Maps the dashboard's pages.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/dashboard/", () => Results.Redirect("/dashboard/networks")).ExcludeFromDescription();
        return app;
    }
}
