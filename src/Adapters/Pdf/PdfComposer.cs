using SkiaSharp;
using Workflows.Documents.Pdf;

namespace Workflows.Adapters.Pdf;

/// <summary>
/// Lays text out on A4 pages and writes a PDF with SkiaSharp: titles, headings, wrapped paragraphs, bullets and
/// label/value rows, breaking pages as it goes. The same content and date give the same bytes, so a retried activity
/// stores the same document.
/// </summary>
internal sealed class PdfComposer : IPdfWriter
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 56f;
    private const float ContentWidth = PageWidth - (2 * Margin);

    private readonly MemoryStream output = new();
    private readonly SKDocument document;
    private readonly SKFont body = new(PdfFonts.Regular, 10.5f);
    private readonly SKFont bold = new(PdfFonts.Bold, 10.5f);
    private readonly SKFont heading = new(PdfFonts.Bold, 13f);
    private readonly SKFont title = new(PdfFonts.Bold, 18f);
    private readonly SKFont small = new(PdfFonts.Regular, 8.5f);
    private readonly SKPaint ink = new() { Color = new SKColor(0x1A, 0x1A, 0x1A), IsAntialias = true };
    private readonly SKPaint muted = new() { Color = new SKColor(0x4A, 0x4A, 0x4A), IsAntialias = true };
    private readonly SKPaint rule = new() { Color = new SKColor(0x9A, 0x9A, 0x9A), StrokeWidth = 0.6f, IsAntialias = true };
    private readonly string footer;
    private SKCanvas? canvas;
    private float y;
    private int pageNumber;
    private bool finished;

    /// <summary>Starts a document.</summary>
    /// <param name="documentTitle">The PDF's title (metadata) and the running footer.</param>
    /// <param name="author">The PDF's author: the network's name.</param>
    /// <param name="date">The document's date, written as its creation and modification time.</param>
    public PdfComposer(string documentTitle, string author, DateTimeOffset date)
    {
        footer = documentTitle;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = documentTitle,
            Author = author,
            Creator = "Kompetansenettverk i palliasjon",
            Producer = "Workflows",
            Creation = date.UtcDateTime,
            Modified = date.UtcDateTime,
            RasterDpi = 72,
        };
        document = SKDocument.CreatePdf(output, metadata);
    }

    /// <inheritdoc />
    public IPdfWriter Title(string text)
    {
        Write(text, title, ink, indent: 0, lineHeight: 24f, spaceAfter: 10f);
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Heading(string text)
    {
        EnsureRoom(60f);
        y += 6f;
        Write(text, heading, ink, indent: 0, lineHeight: 18f, spaceAfter: 4f);
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Paragraph(string text, bool emphasis = false)
    {
        Write(text, emphasis ? bold : body, ink, indent: 0, lineHeight: 14.5f, spaceAfter: 7f);
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Note(string text)
    {
        Write(text, small, muted, indent: 0, lineHeight: 11.5f, spaceAfter: 5f);
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Bullet(string text, int level = 0)
    {
        var indent = 14f + (level * 16f);
        var lines = Wrap(text, body, ContentWidth - indent);
        EnsureRoom(14.5f);
        Canvas.DrawText(level == 0 ? "•" : "–", Margin + indent - 10f, y + body.Size, SKTextAlign.Left, body, ink);
        foreach (var line in lines)
        {
            EnsureRoom(14.5f);
            Canvas.DrawText(line, Margin + indent, y + body.Size, SKTextAlign.Left, body, ink);
            y += 14.5f;
        }

        y += 3f;
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Row(string label, string value)
    {
        const float labelWidth = 150f;
        var lines = Wrap(value, body, ContentWidth - labelWidth);
        EnsureRoom(14.5f * Math.Min(lines.Count, 3));
        Canvas.DrawText(label, Margin, y + body.Size, SKTextAlign.Left, bold, ink);
        foreach (var line in lines)
        {
            EnsureRoom(14.5f);
            Canvas.DrawText(line, Margin + labelWidth, y + body.Size, SKTextAlign.Left, body, ink);
            y += 14.5f;
        }

        y += 2f;
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter BarChart(IReadOnlyList<(string Label, double Value)> bars, double maximum, string unit)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const float labelWidth = 170f;
        const float barHeight = 12f;
        const float rowHeight = 20f;
        var barSpace = ContentWidth - labelWidth - 60f;
        using var fill = new SKPaint { Color = new SKColor(0x1F, 0x5F, 0x8B), IsAntialias = true };
        using var track = new SKPaint { Color = new SKColor(0xE4, 0xEA, 0xF0), IsAntialias = true };
        foreach (var (label, value) in bars)
        {
            EnsureRoom(rowHeight);
            var share = maximum <= 0 ? 0f : (float)Math.Clamp(value / maximum, 0, 1);
            Canvas.DrawText(label, Margin, y + body.Size, SKTextAlign.Left, body, ink);
            Canvas.DrawRect(Margin + labelWidth, y + 1f, barSpace, barHeight, track);
            Canvas.DrawRect(Margin + labelWidth, y + 1f, barSpace * share, barHeight, fill);
            Canvas.DrawText(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0.#} {unit}"), Margin + labelWidth + barSpace + 6f, y + body.Size, SKTextAlign.Left, body, ink);
            y += rowHeight;
        }

        y += 4f;
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Rule()
    {
        EnsureRoom(12f);
        y += 4f;
        Canvas.DrawLine(Margin, y, PageWidth - Margin, y, rule);
        y += 8f;
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter Space(float points = 10f)
    {
        y += points;
        return this;
    }

    /// <inheritdoc />
    public IPdfWriter PageBreak()
    {
        if (canvas is not null)
        {
            EndPage();
        }

        BeginPage();
        return this;
    }

    /// <inheritdoc />
    public byte[] ToArray()
    {
        if (!finished)
        {
            if (canvas is null)
            {
                BeginPage();
            }

            EndPage();
            document.Close();
            finished = true;
        }

        return output.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        document.Dispose();
        output.Dispose();
        foreach (var disposable in new IDisposable[] { body, bold, heading, title, small, ink, muted, rule })
        {
            disposable.Dispose();
        }
    }

    private SKCanvas Canvas => canvas ?? BeginPage();

    private SKCanvas BeginPage()
    {
        canvas = document.BeginPage(PageWidth, PageHeight);
        pageNumber++;
        y = Margin;
        return canvas;
    }

    private void EndPage()
    {
        var page = Canvas;
        page.DrawLine(Margin, PageHeight - Margin + 14f, PageWidth - Margin, PageHeight - Margin + 14f, rule);
        page.DrawText(footer, Margin, PageHeight - Margin + 27f, SKTextAlign.Left, small, muted);
        page.DrawText(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), PageWidth - Margin, PageHeight - Margin + 27f, SKTextAlign.Right, small, muted);
        document.EndPage();
        canvas = null;
    }

    private void EnsureRoom(float height)
    {
        if (canvas is null)
        {
            BeginPage();
        }
        else if (y + height > PageHeight - Margin)
        {
            EndPage();
            BeginPage();
        }
    }

    private void Write(string text, SKFont font, SKPaint paint, float indent, float lineHeight, float spaceAfter)
    {
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            EnsureRoom(lineHeight);
            Canvas.DrawText(line, Margin + indent, y + font.Size, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }

        y += spaceAfter;
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (font.MeasureText(candidate) <= width || line.Length == 0)
                {
                    line = candidate;
                    continue;
                }

                lines.Add(line);
                line = word;
            }

            lines.AddRange(BreakLong(line, font, width));
        }

        return lines;
    }

    private static IEnumerable<string> BreakLong(string line, SKFont font, float width)
    {
        // A hash or an address longer than the column is cut, not run off the page.
        while (line.Length > 1 && font.MeasureText(line) > width)
        {
            var fit = line.Length - 1;
            while (fit > 1 && font.MeasureText(line[..fit]) > width)
            {
                fit--;
            }

            yield return line[..fit];
            line = line[fit..];
        }

        yield return line;
    }
}
