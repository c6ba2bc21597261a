namespace Workflows.Documents.Letters;

/// <summary>The text of a network's function description and of its signature page.</summary>
internal sealed record FunctionDescriptionText(
    string Title,
    IReadOnlyList<FunctionDescriptionText.Section> Sections,
    string Statement,
    FunctionDescriptionText.SignatureLabels SignaturePage)
{
    public sealed record Section(string Heading, IReadOnlyList<string>? Paragraphs, IReadOnlyList<string>? Bullets);

    public sealed record SignatureLabels(string Title, string Intro, string Role, string Name, string SignedAt, string Address, string UserAgent, string Content, string Sha256);
}
