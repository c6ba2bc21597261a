namespace Workflows.Documents.Pdf;

/// <summary>Starts PDFs: the port the letters, certificates, reports and newsletters are written through.</summary>
public interface IPdfRenderer
{
    /// <summary>Starts a document.</summary>
    /// <param name="documentTitle">The PDF's title (metadata) and its running footer.</param>
    /// <param name="author">The PDF's author: the network's name.</param>
    /// <param name="date">The document's date, written as its creation and modification time.</param>
    IPdfWriter Begin(string documentTitle, string author, DateTimeOffset date);
}
