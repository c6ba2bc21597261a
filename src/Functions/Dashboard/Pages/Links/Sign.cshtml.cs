using Microsoft.AspNetCore.Mvc;
using Workflows.Network;
using Workflows.Signing;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>The function description and its statement, and a button that signs it.</summary>
public sealed class SignModel(SigningDesk desk) : LinkPageModel<SigningView>
{
    /// <summary>The signer's role, in the network's language.</summary>
    public string RoleName => View?.Role is { } role ? NorwegianWords.For(View.Language).SignerRole(role).ToLowerInvariant() : string.Empty;

    /// <summary>Shows the document.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Signs, recording the signer's address and browser on the signature page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation) =>
        Present(await desk.ConfirmAsync(Token, ClientAddress(HttpContext), Request.Headers.UserAgent.ToString(), cancellation).ConfigureAwait(false));

    /// <summary>
    /// The signer's address: the connecting peer, which the forwarded-headers middleware has already replaced by the
    /// client's address when the request came through the Functions host on loopback.
    /// </summary>
    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "-";
}
