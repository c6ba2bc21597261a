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
    private const int MostLayoutsKept = 512;
    private static readonly ConcurrentDictionary<string, string> Sources = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Lang, string Subject, string Network, string Footer), string> Layouts = new();

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
        var plain = TextTemplates.PlainModel(full);
        var subject = TextTemplates.Render(parts[0], plain).Trim();
        var text = TextTemplates.Render(parts[1], plain).Trim() + "\n";
        var content = TextTemplates.RenderHtml(parts[2], full).Trim();
        var html = Layout(lang, subject, networkName, NorwegianWords.For(language).EmailFooter).Replace("@@content@@", content, StringComparison.Ordinal);
        return new ComposedEmail(subject, text, html);
    }

    /// <summary>
    /// The common layout around an email's content. It depends on the subject line, not the person, so an invitation
    /// to two thousand nurses renders it once, not once each; kept for the last few hundred subjects.
    /// </summary>
    private static string Layout(string lang, string subject, string networkName, string footer)
    {
        if (Layouts.TryGetValue((lang, subject, networkName, footer), out var known))
        {
            return known;
        }

        var layout = TextTemplates.RenderHtml(
            Source("layout"),
            new Dictionary<string, object?> { ["lang"] = lang, ["subject"] = subject, ["network"] = networkName, ["footer"] = footer });
        if (Layouts.Count >= MostLayoutsKept)
        {
            Layouts.Clear();
        }

        return Layouts[(lang, subject, networkName, footer)] = layout;
    }

    private static string Source(string name) => Sources.GetOrAdd(name, static key =>
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream($"Workflows.Templates.{key}.liquid")
            ?? throw new ArgumentException($"There is no email template '{key}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });
}
