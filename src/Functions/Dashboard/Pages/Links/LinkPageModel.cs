using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>
/// A page reached through a tokened link in an email. The token is the visitor's only credential: the page is open
/// to anyone holding it, and what the token allows is decided by the domain's desk behind the page.
/// </summary>
public abstract class LinkPageModel : PageModel
{
    /// <summary>The link's token, from the route only (never bound from a form, which may be an upload's body).</summary>
    public string Token => RouteData.Values["token"] as string ?? string.Empty;

    /// <summary>What the link led to.</summary>
    public LinkOutcome Outcome { get; private set; }

    /// <summary>Whether the link was refused (forged, expired, used, not this step, closed): the page only says why.</summary>
    public bool Refused => Outcome is not (LinkOutcome.Ready or LinkOutcome.Done);

    /// <summary>The page's words, in the network's language.</summary>
    internal LinkPageTexts Text { get; private set; } = LinkPageTexts.For(NetworkLanguage.Bokmal);

    /// <summary>The refusal's heading and explanation.</summary>
    internal (string Title, string Text) Refusal => Text.Outcomes[Outcome];

    /// <summary>
    /// Shows the page for <paramref name="outcome"/> in <paramref name="language"/>, with a status a client can act
    /// on: 400 for a forged link, 410 for an expired or closed one, 409 for a used one or the wrong step, 422 when the
    /// form had faults.
    /// </summary>
    protected IActionResult Show(LinkOutcome outcome, NetworkLanguage language, bool formHasFaults = false)
    {
        Outcome = outcome;
        Text = LinkPageTexts.For(language);
        ViewData["Texts"] = DashboardTexts.For(language);
        Response.StatusCode = outcome switch
        {
            LinkOutcome.Forged => StatusCodes.Status400BadRequest,
            LinkOutcome.Expired or LinkOutcome.Closed => StatusCodes.Status410Gone,
            LinkOutcome.Used or LinkOutcome.WrongStep => StatusCodes.Status409Conflict,
            _ => formHasFaults ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK,
        };
        return Page();
    }
}

/// <summary>A link page showing what its desk found (<typeparamref name="TView"/>).</summary>
/// <typeparam name="TView">The desk's view of the link.</typeparam>
public abstract class LinkPageModel<TView> : LinkPageModel
    where TView : class, ILinkView
{
    /// <summary>What the desk found.</summary>
    public TView? View { get; private set; }

    /// <summary>Shows <paramref name="view"/> with the status its outcome (and its form's faults) call for.</summary>
    protected IActionResult Present(TView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        return Show(view.Outcome, view.Language, FormHasFaults(view));
    }

    /// <summary>Whether the form sent came back with faults (a page without a form has none).</summary>
    protected virtual bool FormHasFaults(TView view) => false;
}
