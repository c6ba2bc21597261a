using Workflows.Documents.Pdf;

namespace Workflows.Adapters.Pdf;

/// <summary>Writes the domain's PDFs with SkiaSharp on A4 pages, in the fonts shipped with this assembly.</summary>
public sealed class SkiaPdfRenderer : IPdfRenderer
{
    /// <inheritdoc />
    public IPdfWriter Begin(string documentTitle, string author, DateTimeOffset date) => new PdfComposer(documentTitle, author, date);
}
