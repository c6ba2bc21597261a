using System.Collections.Concurrent;
using Workflows.Network;
using Workflows.Templates;

namespace Workflows.Email;

/// <summary>
/// The emails nurses and leaders receive, one Liquid file per email and language under <c>Email/Templates/{nb,nn}</c>:
/// the subject line, <c>===</c>, the plain text, <c>===</c>, the HTML that goes into the common phone-friendly layout.
/// </summary>
public static class EmailTemplates
{
    private const string Separator = "\n===\n";
    private static readonly ConcurrentDictionary<string, string> Sources = new(StringComparer.Ordinal);

    /// <summary>Renders <paramref name="template"/> in <paramref name="language"/> with <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">There is no such template.</exception>
    public static ComposedEmail Compose(string template, NetworkLanguage language, string networkName, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lang = language == NetworkLanguage.Nynorsk ? "nn" : "nb";
        var parts = Source($"{lang}/{template}").Split(Separator, 3);
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"The email template {lang}/{template} needs a subject, a text and an HTML part separated by lines of '==='.");
        }

        var full = new Dictionary<string, object?>(model, StringComparer.Ordinal) { ["network"] = networkName };
        var subject = TextTemplates.Render(parts[0], full).Trim();
        var text = TextTemplates.Render(parts[1], full).Trim() + "\n";
        var content = TextTemplates.RenderHtml(parts[2], full).Trim();
        var layoutModel = new Dictionary<string, object?>
        {
            ["lang"] = lang,
            ["subject"] = subject,
            ["network"] = networkName,
            ["footer"] = NorwegianWords.For(language).EmailFooter,
        };
        var html = TextTemplates.RenderHtml(Source("layout"), layoutModel).Replace("@@content@@", content, StringComparison.Ordinal);
        return new ComposedEmail(subject, text, html);
    }

    private static string Source(string name) => Sources.GetOrAdd(name, static key =>
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream($"Workflows.Templates.{key}.liquid")
            ?? throw new ArgumentException($"There is no email template '{key}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });
}
