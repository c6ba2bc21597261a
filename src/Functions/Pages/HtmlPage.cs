using System.Text;
using System.Text.Encodings.Web;

namespace Workflows.Functions.Pages;

/// <summary>
/// A plain, accessible HTML page: language set, one h1, readable on a phone, visible focus, no script. Text goes in
/// encoded; only the page's own markup is written raw.
/// </summary>
internal sealed class HtmlPage(string lang, string title)
{
    // Norwegian letters stay letters (the page is UTF-8); markup characters are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly StringBuilder body = new();

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    public HtmlPage Raw(string html)
    {
        body.Append(html).Append('\n');
        return this;
    }

    public HtmlPage Element(string tag, string? text, string? attributes = null)
    {
        body.Append('<').Append(tag).Append(attributes is null ? string.Empty : " " + attributes).Append('>')
            .Append(Encode(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    public IResult ToResult(int status = StatusCodes.Status200OK) =>
        Results.Content(Render(), "text/html; charset=utf-8", Encoding.UTF8, status);

    private string Render() => $$"""
        <!DOCTYPE html>
        <html lang="{{Encode(lang)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Encode(title)}}</title>
        <style>
        body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.05rem;line-height:1.55;color:#1a1a1a;background:#f4f4f2}
        main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem;background:#fff}
        h1{font-size:1.6rem;line-height:1.25} h2{font-size:1.2rem;margin-top:1.5rem}
        a{color:#0b5394} .statement{border-left:4px solid #0b5394;padding:.5rem 1rem;background:#eef3f8;font-weight:bold}
        label{display:block;font-weight:bold;margin-top:1rem} input[type=text],input[type=email],input[type=tel],input[type=date]{width:100%;max-width:28rem;padding:.5rem;font-size:1rem;border:1px solid #555;border-radius:4px}
        .check label{display:inline;font-weight:normal} .error{color:#a00000;font-weight:bold;margin:.25rem 0 0}
        button{margin-top:1.5rem;padding:.75rem 1.25rem;font-size:1.05rem;color:#fff;background:#0b5394;border:none;border-radius:4px;cursor:pointer}
        :focus-visible{outline:3px solid #e07000;outline-offset:2px} .muted{color:#4a4a4a;font-size:.9rem;word-break:break-all}
        </style>
        </head>
        <body>
        <main>
        {{body}}</main>
        </body>
        </html>
        """;
}
