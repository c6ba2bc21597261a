using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workflows.Signing;
using Workflows.Wheel.Uploads;

namespace Workflows.Functions.Pages;

/// <summary><c>/upload/{token}</c>: a wheel event's document (minutes, action plan, newsletter) uploaded from the link in the email.</summary>
public static class UploadPages
{
    /// <summary>Maps <c>GET</c> and <c>POST /upload/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapUploadPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/upload/{token}", async (string token, UploadDesk desk, CancellationToken cancellation) =>
            Render(await desk.OpenAsync(token, cancellation).ConfigureAwait(false), token)).ExcludeFromDescription();
        routes.MapPost("/upload/{token}", async (string token, HttpContext http, UploadDesk desk, CancellationToken cancellation) =>
            {
                var file = await FileInAsync(http, cancellation).ConfigureAwait(false);
                byte[]? content = null;
                if (file is not null && file.Length <= UploadDesk.MaxBytes)
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
                    content = buffer.ToArray();
                }
                else if (file is not null)
                {
                    content = new byte[UploadDesk.MaxBytes + 1];
                }

                return Render(await desk.UploadAsync(token, file?.FileName, content, cancellation).ConfigureAwait(false), token);
            })
            .WithMetadata(new RequestSizeLimitAttribute(UploadDesk.MaxBytes + (64 * 1024)))
            .ExcludeFromDescription()
            .DisableAntiforgery();
        return routes;
    }

    /// <summary>The form's file; null for a request without a form, or a body that is not a readable multipart form.</summary>
    private static async Task<IFormFile?> FileInAsync(HttpContext http, CancellationToken cancellation)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await http.Request.ReadFormAsync(cancellation).ConfigureAwait(false)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static IResult Render(UploadView view, string token)
    {
        var text = PageTexts.For(view.Language);
        if (view.Outcome is not (LinkOutcome.Ready or LinkOutcome.Done))
        {
            return SigningPages.Outcome(text, view.Outcome);
        }

        var page = new HtmlPage(text.Lang, text.UploadTitle).Element("h1", text.UploadTitle);
        if (view.Outcome == LinkOutcome.Done)
        {
            return page.Element("p", text.Uploaded, "role=\"status\"").ToResult();
        }

        var described = view.FileError is null ? string.Empty : " aria-invalid=\"true\" aria-describedby=\"file-error\"";
        page.Element("p", string.Format(CultureInfo.InvariantCulture, text.UploadIntro, view.What, view.SharedWith))
            .Raw($"<form method=\"post\" action=\"/upload/{HtmlPage.Encode(token)}\" enctype=\"multipart/form-data\" novalidate>")
            .Raw($"<label for=\"file\">{HtmlPage.Encode(text.UploadFile)}</label>")
            .Raw($"<input type=\"file\" id=\"file\" name=\"file\" accept=\"{string.Join(',', UploadDesk.Accepted.Keys)}\" required{described}>");
        if (view.FileError is { } error)
        {
            page.Element("p", error, "class=\"error\" id=\"file-error\"");
        }

        page.Raw($"<button type=\"submit\">{HtmlPage.Encode(text.Upload)}</button></form>");
        return page.ToResult(view.FileError is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }
}
