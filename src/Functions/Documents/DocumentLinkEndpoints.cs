using Workflows.Messaging;
using Workflows.Documents;

namespace Workflows.Functions.Documents;

/// <summary>Serves documents behind signed, expiring links (the folder store's stand-in for a Blob SAS URL).</summary>
public static class DocumentLinkEndpoints
{
    /// <summary>Maps <c>GET /documents/{key}?expires=&amp;sig=</c>: the document, or 403 for a forged or expired link.</summary>
    public static IEndpointRouteBuilder MapDocumentLinkEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PublicRoutes.DocumentTemplate, GetAsync).WithTags("Documents").WithName("GetDocumentByLink")
            .WithSummary("A document through a signed, time-limited link.");
        return routes;
    }

    private static async Task<IResult> GetAsync(
        string key, long? expires, string? sig, DocumentLinkSigner links, IDocumentStore documents, CancellationToken cancellation)
    {
        if (expires is not { } until || !links.Verify(key, until, sig))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This link is not valid",
                detail: "The link is incomplete, altered or expired. Ask for a new one.");
        }

        if (await documents.GetAsync(key, cancellation).ConfigureAwait(false) is not { } found)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document");
        }

        return Results.File(found.Content, found.Document.ContentType, Path.GetFileName(key));
    }
}
