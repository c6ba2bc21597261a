using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Workflows.Messaging;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>
/// Gives each link page the address the domain writes into emails (<see cref="PublicRoutes"/>), and only that one:
/// <c>Links/Sign</c> answers at <c>/sign/{token}</c>.
/// </summary>
public static class LinkPageRoutes
{
    /// <summary>Sets the route of the page in <paramref name="model"/>; a page under <c>/Links</c> with no such purpose fails the start.</summary>
    public static void Apply(PageRouteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.ViewEnginePath[(model.ViewEnginePath.LastIndexOf('/') + 1)..];
        var purpose = PublicRoutes.LinkPages.SingleOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The link page '{model.ViewEnginePath}' has no purpose in PublicRoutes.LinkPages.");
        var selector = model.Selectors.Single();
        selector.AttributeRouteModel!.Template = PublicRoutes.LinkPageTemplate(purpose).TrimStart('/');
    }
}
