using Microsoft.AspNetCore.Authentication.Cookies;

namespace Workflows.Functions.Dashboard;

/// <summary>
/// The operator dashboard: server-rendered Razor Pages under <c>/dashboard</c>, behind a sign-in with the same
/// operator keys the API takes (kept in an HTTP-only cookie), in the network's language.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>The cookie scheme of the dashboard's sign-in.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Adds Razor Pages (root folder <c>Dashboard/Pages</c>) and the cookie sign-in.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard/Pages";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
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
