using Scriban.Runtime;

namespace Workflows.Templates;

/// <summary>A template model made ready for rendering (see <see cref="TextTemplates.PlainModel"/>); read-only, so several renders may share it.</summary>
public sealed class TemplateModel
{
    internal TemplateModel(ScriptObject script) => Script = script;

    internal ScriptObject Script { get; }
}
