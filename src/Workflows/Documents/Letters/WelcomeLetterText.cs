namespace Workflows.Documents.Letters;

/// <summary>The text of a welcome letter, with Liquid placeholders for the nurse, unit, leader and network.</summary>
internal sealed record WelcomeLetterText(string Title, string Greeting, IReadOnlyList<string> Paragraphs, string Closing, string Signature);
