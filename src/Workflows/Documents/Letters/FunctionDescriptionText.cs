namespace Workflows.Documents.Letters;

/// <summary>The text of a network's function description and of its signature page.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Sections">Its sections, each a heading with paragraphs and bullets.</param>
/// <param name="Statement">The statement the three sign: they know the guideline, the description, the strategy and the plan.</param>
/// <param name="SignaturePage">The signature page's labels.</param>
public sealed record FunctionDescriptionText(
    string Title,
    IReadOnlyList<FunctionDescriptionText.Section> Sections,
    string Statement,
    FunctionDescriptionText.SignatureLabels SignaturePage)
{
    /// <summary>The text of <paramref name="network"/>'s function description, in its language.</summary>
    public static FunctionDescriptionText Of(Network.CompetenceNetwork network) => ContentFiles.Read<FunctionDescriptionText>("function-description", network);

    /// <summary>A section of the function description.</summary>
    /// <param name="Heading">The heading.</param>
    /// <param name="Paragraphs">Paragraphs of text.</param>
    /// <param name="Bullets">Duties as bullets.</param>
    public sealed record Section(string Heading, IReadOnlyList<string>? Paragraphs, IReadOnlyList<string>? Bullets);

    /// <summary>The labels of the signature page.</summary>
    /// <param name="Title">The page title.</param>
    /// <param name="Intro">The sentence before the signatures.</param>
    /// <param name="Role">"Role".</param>
    /// <param name="Name">"Name".</param>
    /// <param name="SignedAt">"Signed".</param>
    /// <param name="Address">"IP address".</param>
    /// <param name="UserAgent">"Browser".</param>
    /// <param name="Content">"Signed content".</param>
    /// <param name="Sha256">"SHA-256".</param>
    public sealed record SignatureLabels(string Title, string Intro, string Role, string Name, string SignedAt, string Address, string UserAgent, string Content, string Sha256);
}
