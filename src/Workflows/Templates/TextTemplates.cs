using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Scriban;
using Scriban.Runtime;

namespace Workflows.Templates;

/// <summary>
/// Liquid templates (Scriban in Liquid mode) for letters and emails. Models are dictionaries of strings, booleans,
/// numbers and lists of dictionaries, so templates see exactly the fields they are given and nothing else of the
/// domain objects.
/// </summary>
public static class TextTemplates
{
    private static readonly ConcurrentDictionary<string, Template> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// A context for this thread's next render. Building one builds Scriban's whole library of Liquid functions, which
    /// cost more than most renders; the model is pushed for a render and popped after it, so nothing carries over.
    /// </summary>
    [ThreadStatic]
    private static LiquidTemplateContext? reusable;

    /// <summary>Renders <paramref name="source"/> as plain text.</summary>
    public static string Render(string source, IReadOnlyDictionary<string, object?> model) => Render(source, PlainModel(model));

    /// <summary>Renders <paramref name="source"/> as HTML: every string in the model is HTML-encoded first.</summary>
    public static string RenderHtml(string source, IReadOnlyDictionary<string, object?> model) => Render(source, HtmlModel(model));

    /// <summary>
    /// <paramref name="model"/> made ready once for several plain-text renders (an email's subject and text):
    /// making it ready copies every value, which cost about as much as a short render.
    /// </summary>
    public static TemplateModel PlainModel(IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TemplateModel(ToScript(model, html: false));
    }

    /// <summary><paramref name="model"/> made ready for HTML renders: every string HTML-encoded.</summary>
    public static TemplateModel HtmlModel(IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TemplateModel(ToScript(model, html: true));
    }

    /// <summary>Renders <paramref name="source"/> with a model made ready by <see cref="PlainModel"/> or <see cref="HtmlModel"/>.</summary>
    public static string Render(string source, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        var template = Parsed.GetOrAdd(source, static text =>
        {
            var parsed = Template.ParseLiquid(text);
            return parsed.HasErrors ? throw new FormatException($"A template does not parse: {string.Join("; ", parsed.Messages)}") : parsed;
        });
        var context = reusable ?? NewContext();
        reusable = null;
        context.PushGlobal(model.Script);
        var text = template.Render(context);
        context.PopGlobal();

        // Only a context whose render finished is used again: one that threw may hold a half-written output.
        reusable = context;
        return text;
    }

    private static LiquidTemplateContext NewContext()
    {
        var context = new LiquidTemplateContext { StrictVariables = true };
        context.PushCulture(CultureInfo.GetCultureInfo("nb-NO"));
        return context;
    }

    private static ScriptObject ToScript(IReadOnlyCollection<KeyValuePair<string, object?>> model, bool html)
    {
        var script = new ScriptObject(model.Count);
        foreach (var (name, value) in model)
        {
            script.SetValue(name, ToValue(value, html), readOnly: true);
        }

        return script;
    }

    private static object? ToValue(object? value, bool html) => value switch
    {
        string text => html ? WebUtility.HtmlEncode(text) : text,
        IReadOnlyDictionary<string, object?> nested => ToScript(nested, html),
        IEnumerable list and not string => new ScriptArray(list.Cast<object?>().Select(item => ToValue(item, html))),
        _ => value,
    };
}
