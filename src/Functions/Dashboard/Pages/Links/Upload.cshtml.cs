using Microsoft.AspNetCore.Mvc;
using Workflows.Wheel.Uploads;

namespace Workflows.Functions.Dashboard.Pages.Links;

/// <summary>A wheel event's document (minutes, action plan, newsletter) uploaded from the link in the email.</summary>
[RequestSizeLimit(UploadDesk.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = UploadDesk.MaxBytes + (64 * 1024))]
public sealed class UploadModel(UploadDesk desk) : LinkPageModel<UploadView>
{
    /// <summary>The file types taken, for the file picker.</summary>
    public static string Accept => string.Join(',', UploadDesk.Accepted.Keys);

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        Present(await desk.OpenAsync(Token, cancellation).ConfigureAwait(false));

    /// <summary>Takes the file; the desk checks its type and size.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var file = await FileInAsync(cancellation).ConfigureAwait(false);
        byte[]? content = null;
        if (file is not null && file.Length <= UploadDesk.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
            content = buffer.ToArray();
        }
        else if (file is not null)
        {
            // Too big: the desk refuses it by its length without the page holding 20 MB more.
            content = new byte[UploadDesk.MaxBytes + 1];
        }

        return Present(await desk.UploadAsync(Token, file?.FileName, content, cancellation).ConfigureAwait(false));
    }

    /// <summary>The form's file; null for a request without a form, or a body that is not a readable multipart form.</summary>
    private async Task<IFormFile?> FileInAsync(CancellationToken cancellation)
    {
        if (!Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await Request.ReadFormAsync(cancellation).ConfigureAwait(false)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override bool FormHasFaults(UploadView view) => view.FileError is not null;
}
