namespace Workflows.Email;

/// <summary>An email's subject and bodies as rendered from a template.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">The HTML body in the common layout.</param>
public sealed record ComposedEmail(string Subject, string TextBody, string HtmlBody);
