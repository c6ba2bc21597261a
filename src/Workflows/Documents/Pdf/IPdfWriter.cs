namespace Workflows.Documents.Pdf;

/// <summary>
/// One PDF being written, top to bottom: the domain says what goes on the page (titles, paragraphs, rows), the adapter
/// decides how it looks and where pages break. The same content and date must give the same bytes, so a retried
/// activity stores the same document.
/// </summary>
public interface IPdfWriter : IDisposable
{
    /// <summary>A document title.</summary>
    IPdfWriter Title(string text);

    /// <summary>A section heading.</summary>
    IPdfWriter Heading(string text);

    /// <summary>A paragraph, wrapped to the page; <paramref name="emphasis"/> sets it in bold.</summary>
    IPdfWriter Paragraph(string text, bool emphasis = false);

    /// <summary>A small, muted line (a date, a sender).</summary>
    IPdfWriter Note(string text);

    /// <summary>A bulleted item, indented by <paramref name="level"/>.</summary>
    IPdfWriter Bullet(string text, int level = 0);

    /// <summary>A label and its value on one line, as on a form.</summary>
    IPdfWriter Row(string label, string value);

    /// <summary>Horizontal bars, each labelled and scaled to <paramref name="maximum"/>, with its value and <paramref name="unit"/>.</summary>
    IPdfWriter BarChart(IReadOnlyList<(string Label, double Value)> bars, double maximum, string unit);

    /// <summary>A thin line across the page.</summary>
    IPdfWriter Rule();

    /// <summary>Vertical space, in points.</summary>
    IPdfWriter Space(float points = 10f);

    /// <summary>Starts a new page.</summary>
    IPdfWriter PageBreak();

    /// <summary>Finishes the document and returns its bytes; nothing can be added after.</summary>
    byte[] ToArray();
}
